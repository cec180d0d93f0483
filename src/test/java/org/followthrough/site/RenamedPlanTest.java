package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.problem.Problem;
import org.followthrough.support.Browser;
import org.followthrough.support.Folders;
import org.followthrough.support.LocalSite;
import org.followthrough.support.NuChecker;
import org.followthrough.support.TestBuilds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A plan whose folder is renamed moves to a new address; links to the old one are in the news, in board papers and in
 * families' letters. With the old folder's name in {@code former_ids}, the site keeps a page at each old address of
 * the plan's pages that leads to the new one, in a real browser and without JavaScript. Real builds, real folders.
 */
class RenamedPlanTest {

    @TempDir
    Path temp;

    private Path content;
    private Path site;

    @BeforeEach
    void publishedUnderItsFirstName() throws IOException {
        content = TestBuilds.twoPlans(temp.resolve("content"));
        site = temp.resolve("site");
        assertThat(build().succeeded()).isTrue();
        assertThat(site.resolve("plans/sample-review/index.html")).content().contains("<h1");
    }

    private BuildResult build() {
        return Pipeline.build(TestBuilds.request(content, site).withCache(temp.resolve("cache")));
    }

    /** A build run once the content's files have settled (a day after now), which a build that finds nothing changed needs. */
    private BuildResult buildLater() {
        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        return Pipeline.build(new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, site, TestBuilds.AS_OF, null, tomorrow)
                .withCache(temp.resolve("cache")));
    }

    private void rename(String from, String to) throws IOException {
        Files.move(content.resolve("plans/" + from), content.resolve("plans/" + to));
        Folders.replace(content.resolve("plans/" + to + "/plan.yaml"), "reference: SAMPLE/01", "reference: SAMPLE/01\nformer_ids: [" + from + "]");
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(path), StandardCharsets.UTF_8));
    }

    @Test
    void eachOldAddressOfARenamedPlanLeadsToItsNewOne() throws Exception {
        List<String> recommendations;
        try (var folders = Files.list(site.resolve("plans/sample-review/recommendations"))) {
            recommendations = folders.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(recommendations).isNotEmpty();
        rename("sample-review", "sample-review-2024");

        BuildResult result = build();

        assertThat(result.succeeded()).as("%s", result.problems()).isTrue();
        Document moved = page("plans/sample-review/index.html");
        assertThat(moved.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=../../plans/sample-review-2024/");
        assertThat(moved.select("link[rel=canonical]").attr("href")).endsWith("/plans/sample-review-2024/");
        assertThat(moved.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(moved.select("h1").text()).isEqualTo("This page has moved");
        assertThat(moved.select("main p").first().text()).startsWith("The plan “Sample safety action plan” is now at http");
        assertThat(moved.select("main a").attr("href")).isEqualTo("../../plans/sample-review-2024/");
        for (String number : recommendations) {
            Document old = page("plans/sample-review/recommendations/" + number + "/index.html");
            assertThat(old.select("meta[http-equiv=refresh]").attr("content"))
                    .isEqualTo("0; url=../../../../plans/sample-review-2024/recommendations/" + number + "/");
            assertThat(site.resolve("plans/sample-review-2024/recommendations/" + number + "/index.html")).exists();
        }
        // what was only published under the old name is gone: the plan's downloads are at its new address
        assertThat(site.resolve("plans/sample-review/plan.json")).doesNotExist();
        assertThat(Files.readString(site.resolve("plans/sample-review-2024/plan.json"))).contains("\"former_ids\":[\"sample-review\"]");
        String sitemap = Files.readString(site.resolve("sitemap.xml"));
        assertThat(sitemap).contains("/plans/sample-review-2024/").doesNotContain("/plans/sample-review/");

        NuChecker checker = new NuChecker();
        assertThat(checker.check("moved", Files.readAllBytes(site.resolve("plans/sample-review/index.html")))).filteredOn(NuChecker.Message::isError)
                .isEmpty();

        // a link to one action on a recommendation's old page: with JavaScript it lands on that action, without on its page
        String number = recommendations.get(0);
        for (Browser browser : new Browser[] {Browser.start(), Browser.startWithoutJavaScript()}) {
            try (browser; LocalSite served = LocalSite.serve(site)) {
                browser.driver().get(served.url("plans/sample-review/"));
                new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                        .until(driver -> driver.getCurrentUrl().endsWith("/plans/sample-review-2024/"));
                assertThat(browser.driver().getTitle()).as("with JavaScript %s", browser.javaScript()).startsWith("Sample safety action plan");
                browser.driver().get(served.url("plans/sample-review/recommendations/" + number + "/") + "#action-" + number + "-1");
                String arrived = "/plans/sample-review-2024/recommendations/" + number + "/" + (browser.javaScript() ? "#action-" + number + "-1" : "");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith(arrived));
            }
        }
    }

    /**
     * check, given the folder build publishes to, tells before the build the plan its site would lose, in the words the
     * build uses; without it, or given a folder that holds no site, it cannot, and says nothing. It only reads the folder.
     */
    @Test
    void checkGivenTheOutputFolderWarnsOfTheRenamedPlanAsTheBuildWill() throws IOException {
        Files.move(content.resolve("plans/sample-review"), content.resolve("plans/sample-review-2024"));
        java.util.Map<String, String> before = Folders.listing(site);

        BuildResult checked = Pipeline.check(TestBuilds.request(content, site));
        BuildResult unaware = Pipeline.check(TestBuilds.request(content, null));
        BuildResult elsewhere = Pipeline.check(TestBuilds.request(content, temp.resolve("no-site")));

        assertThat(checked.problems()).extracting(Problem::format).singleElement().asString()
                .startsWith(content.resolve("plans/sample-review") + ": warning: plan 'sample-review' was published by the last build and is"
                        + " no longer in the content").contains("add former_ids: [sample-review] to plans/sample-review-2024/plan.yaml");
        assertThat(Folders.listing(site)).as("the site, left as it was").isEqualTo(before);
        assertThat(unaware.problems()).isEmpty();
        assertThat(elsewhere.problems()).isEmpty();
        assertThat(temp.resolve("no-site")).doesNotExist();
        assertThat(buildLater().problems()).extracting(Problem::format).isEqualTo(checked.problems().stream().map(Problem::format).toList());
    }

    @Test
    void theBuildThatRemovesAPlansPagesSaysSoAndNamesThePlanItMayHaveBecome() throws IOException {
        Files.move(content.resolve("plans/sample-review"), content.resolve("plans/sample-review-2024"));

        BuildResult renamed = buildLater();

        assertThat(renamed.succeeded()).isTrue();
        assertThat(renamed.problems()).extracting(Problem::format).singleElement().asString()
                .isEqualTo(content.resolve("plans/sample-review") + ": warning: plan 'sample-review' was published by the last build and is no"
                        + " longer in the content: this build removes its pages, and links to plans/sample-review/ will find nothing"
                        + " — if it is plan 'sample-review-2024' under a new name, add former_ids: [sample-review] to"
                        + " plans/sample-review-2024/plan.yaml, so that its old addresses lead to the new ones; if the plan was"
                        + " withdrawn on purpose, nothing needs doing");
        assertThat(site.resolve("plans/sample-review")).doesNotExist();
        BuildResult again = buildLater();
        assertThat(again.unchangedAsOf()).as("a build that finds nothing changed and says what the last one said").isNotNull();
        assertThat(again.problems()).as("told once, by the build that removed the pages").isEmpty();
        assertThat(build().problems()).as("nor by a build that makes the site again").isEmpty();

        Folders.replace(content.resolve("plans/sample-review-2024/plan.yaml"), "reference: SAMPLE/01",
                "reference: SAMPLE/01\nformer_ids: [sample-review]");
        assertThat(build().problems()).isEmpty();
        assertThat(page("plans/sample-review/index.html").select("meta[http-equiv=refresh]")).isNotEmpty();
    }

    @Test
    void theRemovedPlanIsToldWithoutTheCacheToo() throws IOException {
        Files.move(content.resolve("plans/sample-review"), content.resolve("plans/sample-review-2024"));

        BuildResult renamed = Pipeline.build(TestBuilds.request(content, site));

        assertThat(renamed.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("plan 'sample-review' was published by the last build and is no longer in the content");
    }

    @Test
    void aNewPlanCannotTakeTheOldAddressOfOneRenamedEvenWhenTheRenamedOneComesFromTheCache() throws IOException {
        rename("sample-review", "sample-review-2024");
        assertThat(build().succeeded()).isTrue();
        // a new plan in a folder of the old name, while the renamed plan is unchanged and read back from the cache
        TestBuilds.copy(content.resolve("plans/second-review"), content.resolve("plans/sample-review"));
        Folders.replace(content.resolve("plans/sample-review/plan.yaml"), "reference: SAMPLE/02", "reference: SAMPLE/03");

        BuildResult result = build();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).filteredOn(Problem::isError).singleElement().extracting(Problem::format).asString()
                .contains("plans/sample-review-2024/plan.yaml:3:14: former id 'sample-review' is the id of plan 'sample-review'");
        assertThat(page("plans/sample-review/index.html").select("meta[http-equiv=refresh]")).as("the site as it was").isNotEmpty();
    }
}
