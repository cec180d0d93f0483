package org.followthrough.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.problem.Problem;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation's own site shows the plans in which it owns actions. When an edit gives its last action in a plan to
 * another body (by mistake, as often as not), the plan leaves that site while it stays in the content and on the
 * partnership's site: the build that takes its pages away says so, once, and names the organisation. Real builds,
 * real folders; the police own one action in each of the two plans.
 */
class PlanLeavingAnOrganisationsSiteTest {

    @TempDir
    Path temp;

    private Path content;
    private Path site;

    @BeforeEach
    void twoPlansInWhichThePoliceOwnAnAction() throws IOException {
        content = TestBuilds.twoPlans(temp.resolve("content"));
        site = temp.resolve("site");
    }

    private BuildResult build(String organisation, boolean allOrganisations) {
        return Pipeline.build(new BuildRequest(content, TestBuilds.BUILT_IN_TEMPLATES, site, TestBuilds.AS_OF, null, TestBuilds.CLOCK,
                organisation, allOrganisations).withPdfs(false).withCache(temp.resolve("cache")));
    }

    /** The police's one action in the second plan given to the trust. */
    private void policeActionGivenToTheTrust() throws IOException {
        Folders.replace(content.resolve("plans/second-review/recommendations/01.yaml"),
                "{organisation: sample-police, role: Inspector}", "{organisation: sample-trust, role: Inspector}");
    }

    @Test
    void theOrganisationsOwnSiteSaysWhichPlanItNoLongerShowsAndWhy() throws IOException {
        assertThat(build("sample-police", false).problems()).isEmpty();
        assertThat(site.resolve("plans/second-review/index.html")).exists();

        policeActionGivenToTheTrust();
        BuildResult removed = build("sample-police", false);

        assertThat(removed.succeeded()).isTrue();
        assertThat(removed.problems()).extracting(Problem::format).singleElement().asString()
                .isEqualTo(content.resolve("plans/second-review") + ": warning: plan 'second-review' was published on this"
                        + " organisation's site by the last build, and organisation 'sample-police' no longer owns any of its actions:"
                        + " this build removes its pages from that site, and links to plans/second-review/ will find nothing — if an"
                        + " action's owner was changed by mistake, give it back to 'sample-police' in plans/second-review/recommendations;"
                        + " if 'sample-police' no longer owns any of the plan's actions, nothing needs doing");
        assertThat(site.resolve("plans/second-review")).doesNotExist();
        assertThat(site.resolve("plans/sample-review/index.html")).exists();
        assertThat(build("sample-police", false).problems()).as("told once, by the build that removed the pages").isEmpty();
    }

    @Test
    void anOrganisationsFolderOfThePartnershipsSiteSaysItToo() throws IOException {
        assertThat(build(null, true).problems()).isEmpty();
        assertThat(site.resolve("sample-police/plans/second-review/index.html")).exists();

        policeActionGivenToTheTrust();
        BuildResult removed = build(null, true);

        assertThat(removed.problems()).extracting(Problem::message).singleElement().asString()
                .isEqualTo("plan 'second-review' was published on the site of organisation 'sample-police' (sample-police/) by the last"
                        + " build, and organisation 'sample-police' no longer owns any of its actions: this build removes its pages"
                        + " from that site, and links to sample-police/plans/second-review/ will find nothing");
        assertThat(site.resolve("sample-police/plans/second-review")).doesNotExist();
        assertThat(site.resolve("plans/second-review/index.html")).as("still on the partnership's site").exists();
    }

    @Test
    void aPlanGoneFromTheContentIsToldOnceThoughEveryOwnersFolderLosesItToo() throws IOException {
        assertThat(build(null, true).problems()).isEmpty();
        assertThat(site.resolve("sample-trust/plans/second-review/index.html")).exists();

        Folders.delete(content.resolve("plans/second-review"));
        BuildResult removed = build(null, true);

        assertThat(removed.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("plan 'second-review' was published by the last build and is no longer in the content");
        assertThat(site.resolve("sample-trust/plans/second-review")).doesNotExist();
    }

    @Test
    void aPlanRenamedOnAnOrganisationsSiteIsToldWithThePlanItMayHaveBecomeThoughAnotherIsNewToTheContent() throws IOException {
        // a third plan, in which the police own nothing: new to the content, never on their site
        TestBuilds.copy(content.resolve("plans/second-review"), content.resolve("plans/third-review"));
        Folders.replace(content.resolve("plans/third-review/plan.yaml"), "reference: SAMPLE/02", "reference: SAMPLE/03");
        Folders.replace(content.resolve("plans/third-review/plan.yaml"), "title: Second safety action plan", "title: Third safety action plan");
        Folders.replace(content.resolve("plans/third-review/recommendations/01.yaml"),
                "{organisation: sample-police, role: Inspector}", "{organisation: sample-trust, role: Inspector}");
        assertThat(build("sample-police", false).problems()).isEmpty();
        assertThat(site.resolve("plans/third-review")).doesNotExist();

        Files.move(content.resolve("plans/second-review"), content.resolve("plans/second-review-2024"));
        BuildResult renamed = build("sample-police", false);

        assertThat(renamed.problems()).extracting(Problem::hint).singleElement().asString()
                .startsWith("if it is plan 'second-review-2024' under a new name, add former_ids: [second-review]"
                        + " to plans/second-review-2024/plan.yaml");
    }
}
