package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.problem.Problem;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recommendation's file deleted by mistake takes its page off the site, and the plan's page then tells readers that the
 * plan as published has no such recommendation; an organisation's file renamed takes its page off at its old address. The
 * build that removes such a page says so, once, as it does of a plan gone. Real builds, real folders.
 */
class RemovedPagesTest {

    @TempDir
    Path temp;

    private BuildResult build(Path content) {
        // a day after now, so that a build that finds nothing changed may say so
        Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
        return Pipeline.build(new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, temp.resolve("site"), TestBuilds.AS_OF, null,
                tomorrow).withCache(temp.resolve("cache")));
    }

    @Test
    void theBuildThatRemovesARecommendationsPageSaysSoOnce() throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        Path recommendations = content.resolve("plans/sample-review/recommendations");
        Files.writeString(recommendations.resolve("02.yaml"), "number: \"2\"\ntitle: Supervision\nactions:\n  - ref: \"2.1\"\n"
                + "    description: Supervise every month.\n    owners:\n      - {organisation: sample-trust}\n    target: 2024-09-30\n");
        assertThat(build(content).problems()).noneMatch(Problem::isError);
        assertThat(temp.resolve("site/plans/sample-review/recommendations/2/index.html")).exists();

        Files.delete(recommendations.resolve("02.yaml"));
        BuildResult removed = build(content);

        assertThat(removed.succeeded()).isTrue();
        assertThat(removed.problems()).extracting(Problem::format).singleElement().asString()
                .isEqualTo(recommendations + ": warning: recommendation 2 of plan 'sample-review' was published by the last build and is no"
                        + " longer in the content: this build removes its page, links to plans/sample-review/recommendations/2/ will find"
                        + " nothing — if its file was deleted or renamed by mistake, put it back ('git status' lists a deleted file, and"
                        + " 'git restore' followed by its path brings it back); if the plan as published no longer has it, say so in the"
                        + " notes of its source (source: notes:)");
        assertThat(temp.resolve("site/plans/sample-review/recommendations/2")).doesNotExist();
        assertThat(build(content).problems()).as("told once, by the build that removed the page").isEmpty();
    }

    @Test
    void theBuildThatRemovesAnOrganisationsPageSaysSoOnceAndNamesTheFileItMayHaveBecome() throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        Path organisations = content.resolve("organisations");
        Files.writeString(organisations.resolve("essex-county-council.yaml"), "name: Essex County Council\ntype: local_authority\n");
        assertThat(build(content).problems()).noneMatch(Problem::isError);
        assertThat(temp.resolve("site/organisations/essex-county-council/index.html")).exists();

        Files.move(organisations.resolve("essex-county-council.yaml"), organisations.resolve("essex-cc.yaml"));
        BuildResult renamed = build(content);

        assertThat(renamed.problems()).extracting(Problem::format).singleElement().asString()
                .isEqualTo(organisations.resolve("essex-county-council.yaml") + ": warning: organisation 'essex-county-council' was published"
                        + " by the last build and is no longer in the content: this build removes its page, and links to"
                        + " organisations/essex-county-council/ will find nothing — if organisations/essex-cc.yaml is its file renamed"
                        + " by mistake, give it its old name back (and any plan that now names it by the new id, the old one); if the"
                        + " organisation was removed on purpose, nothing needs doing");
        assertThat(build(content).problems()).as("told once, by the build that removed the page").isEmpty();
    }
}
