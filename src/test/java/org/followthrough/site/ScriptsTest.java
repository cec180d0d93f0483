package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.followthrough.support.Browser;
import org.followthrough.support.LocalSite;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site's small scripts, and its feeds' stylesheet, in a real (headless) Chromium on the site built
 * from the shipped content: the search finds organisations, plans and actions from the index built with the site,
 * fetching nothing from any other host; the table of all actions narrows by organisations and plans
 * chosen by their full names; the list of organisations sorts by a column; a feed opened in the
 * browser reads as a page that says how to follow it.
 */
class ScriptsTest {

    private static Browser browser;
    private static LocalSite site;

    @BeforeAll
    static void buildServeAndStartBrowser() {
        Browser.assumeAvailable();
        site = LocalSite.shared(TestBuilds.SHIPPED_CONTENT);
        browser = Browser.start();
        browser.resize(375, 812);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
    }

    /** What the search page says once it has searched, and the addresses of its results. */
    private static List<String> search(String words) {
        browser.driver().get(site.url("search/index.html") + "?q=" + words.replace(' ', '+'));
        WebElement status = browser.driver().findElement(By.cssSelector("[data-search-status]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> status.getText().contains("for “"));
        return browser.driver().findElements(By.cssSelector("[data-search-results] a")).stream().map(a -> a.getAttribute("href")).toList();
    }

    @Test
    void theSearchFindsTheActionAboutTheElectronicHealthRecord() {
        List<String> found = search("electronic health record");
        assertThat(found).contains(site.url("plans/p-independent-investigation/recommendations/9/#action-9-1"));
        assertThat(search("electro heal")).as("words found by their start").contains(found.get(0));
        WebElement action = browser.driver().findElement(By.cssSelector("[data-search-results] a[href$='#action-9-1']"));
        assertThat(action.getAttribute("textContent")).as("its name says whose action 9.1 it is")
                .startsWith("Action 9.1").endsWith(" of Independent investigation: P");
        assertThat(browser.driver().findElement(By.cssSelector("form[data-search-page]")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("[data-search-fallback]")).get(0).isDisplayed())
                .as("the words for readers without JavaScript are hidden").isFalse();
    }

    /**
     * The search looks in every word of an action and of its recommendation, not only in the few words its result
     * shows: "seminars" is the 40th word of the X plan's first recommendation, whose action has no words of its own.
     */
    @Test
    void theSearchFindsAnActionByAWordLateInItsRecommendation() {
        assertThat(search("seminars")).contains(site.url("plans/x-update-2022/recommendations/1/#action-1-1"));
        assertThat(search("immigration")).as("a word of the recommendation beyond what the result shows")
                .contains(site.url("plans/p-independent-investigation/recommendations/3/#action-3-1"));
    }

    @Test
    void theSearchFindsPlansByTheOrganisationsNamedInThem() {
        assertThat(search("West Midlands Police")).contains(site.url("plans/p-independent-investigation/"),
                site.url("plans/bdhr-2011-12-03/"));
        assertThat(search("zzqx")).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("[data-search-status]")).getText()).startsWith("Nothing found for “zzqx”");
    }

    /**
     * A reader who types an organisation's name is given its page first, where every action it owns is listed; its
     * result says what it is and how its actions stand. Before, the search knew only plans and actions.
     */
    @Test
    void theSearchFindsAnOrganisationByItsNameBeforeThePlansNamingIt() {
        assertThat(search("Kent County")).first().isEqualTo(site.url("organisations/kent-county-council/"));
        WebElement result = browser.driver().findElement(By.cssSelector("[data-search-results] li"));
        assertThat(result.getText()).startsWith("Organisation: Kent County Council").contains("Local authority", "Owns no actions");
        assertThat(search("BSMHFT")).first().isEqualTo(site.url("organisations/bsmhft/"));
        assertThat(browser.driver().findElement(By.cssSelector("[data-search-results] li")).getText())
                .as("its result counts the actions it owns, those overdue, and those past their targets with no status published"
                        + " (most of BSMHFT's, which 'none overdue' alone would hide)")
                .containsPattern("Owns \\d+ actions, (none|\\d+) overdue, \\d+ past target with no status published");
    }

    @Test
    void theSearchFetchesNothingFromAnotherHost() {
        search("health record");
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) browser.driver().executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        assertThat(fetched).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(site.baseUrl()));
        assertThat(fetched).anySatisfy(url -> assertThat(url).contains("search/index/words-"))
                .noneSatisfy(url -> assertThat(url).contains("search/index/docs-1"));
    }

    /** Readers choose from names, not codes: West Midlands Police was missing from the organisations offered, and plans were codes. */
    @Test
    void theActionsTableNarrowsByOrganisationsAndPlansChosenByTheirFullNames() {
        browser.driver().get(site.url("actions/index.html"));
        Select owner = new Select(browser.driver().findElement(By.id("filter-owner")));
        Select plan = new Select(browser.driver().findElement(By.id("filter-plan")));
        assertThat(owner.getOptions().stream().map(WebElement::getText).toList())
                .contains("West Midlands Police", "Essex Partnership University NHS Foundation Trust", "Birmingham City Council")
                .doesNotContain("WMP", "EPUT", "BCC", "FTB");
        assertThat(plan.getOptions().stream().map(WebElement::getText).toList())
                .contains("Independent investigation: P", "EPUT Safety Action Plan").doesNotContain("E203623");
        owner.selectByVisibleText("West Midlands Police");
        List<WebElement> shown = browser.driver().findElements(By.cssSelector("tbody tr")).stream().filter(WebElement::isDisplayed).toList();
        assertThat(shown).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-owners")).contains("west-midlands-police"));
        assertThat(browser.driver().findElement(By.cssSelector("[data-filter-form] [role=status]")).getText())
                .isEqualTo("Showing " + shown.size() + " of 48 actions.");
    }

    @Test
    void theOrganisationsTableSortsByAColumnAndSaysHow() {
        browser.driver().get(site.url("organisations/index.html"));
        WebElement owned = browser.driver().findElement(By.xpath("//th/button[normalize-space()='Actions owned']"));
        owned.click();
        WebElement heading = owned.findElement(By.xpath(".."));
        assertThat(heading.getAttribute("aria-sort")).isEqualTo("descending");
        List<Integer> counts = browser.driver().findElements(By.cssSelector("tbody tr td:nth-of-type(2)")).stream()
                .map(td -> Integer.parseInt(td.getText())).toList();
        assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        owned.click();
        assertThat(heading.getAttribute("aria-sort")).isEqualTo("ascending");
    }

    @Test
    void aFeedOpenedInTheBrowserReadsAsAPageSayingHowToFollowIt() {
        browser.driver().get(site.url("plans/bdhr-2011-12-03/progress.xml"));
        String text = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("Progress updates: Domestic Homicide Review");
        assertThat(text).contains("This is a news feed.", "No progress update with a date has been published yet");
    }

    /** Its updates are dated as the site's pages date them, not as the feed's machine-readable form does. */
    @Test
    void aFeedOpenedInTheBrowserDatesItsUpdatesAsThePagesDo() {
        browser.driver().get(site.url("data/progress.xml"));
        // the browser applies the feed's stylesheet after the document has loaded
        List<WebElement> days = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("main ol li time")).isEmpty() ? null : d.findElements(By.cssSelector("main ol li time")));
        assertThat(days).isNotEmpty().allSatisfy(day -> {
            java.time.LocalDate date = java.time.LocalDate.parse(day.getAttribute("datetime"));
            assertThat(day.getText()).isEqualTo(date.getDayOfMonth() + " "
                    + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK) + " " + date.getYear());
        });
        assertThat(browser.driver().findElement(By.cssSelector("main p.note")).getText()).containsPattern("; \\d+ are left out here\\.");
    }
}
