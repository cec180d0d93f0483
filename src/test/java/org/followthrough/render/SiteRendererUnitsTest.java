package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.assemble.OrganisationScope;
import org.followthrough.model.Archive;
import org.followthrough.support.TestArchives;
import org.junit.jupiter.api.Test;

/**
 * A unit's outputs decided alone (as {@code serve} decides them, when one of them is asked for) are
 * exactly those deciding the whole site gives it, and the unit of every output can be told from its
 * path alone.
 */
class SiteRendererUnitsTest {

    @Test
    void eachUnitDecidedAloneIsWhatDecidingTheWholeSiteGivesIt() {
        check(TestArchives.shipped());
    }

    @Test
    void soInAnOrganisationsOwnSite() {
        Archive shipped = TestArchives.shipped();
        check(OrganisationScope.scope(shipped, OrganisationScope.owners(shipped).get(0), null));
    }

    private static void check(Archive archive) {
        SiteRenderer renderer = new SiteRenderer(archive, new SiteRenderer.Shared(new TemplateEngine(Map.of()), new MarkdownRenderer(),
                () -> {
                    throw new AssertionError("nothing is made");
                }, "tool", Map.of()));
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (Output output : renderer.outputs()) {
            assertThat(SiteRenderer.unitOf(output.path())).as(output.path()).isEqualTo(output.unit());
            byUnit.computeIfAbsent(output.unit(), u -> new java.util.ArrayList<>()).add(output.path() + " " + output.key());
        }
        assertThat(byUnit).containsKeys("site", "sitemap");
        byUnit.forEach((unit, outputs) -> assertThat(renderer.outputsOf(unit).stream().map(o -> o.path() + " " + o.key()).toList())
                .as(unit).isEqualTo(outputs));
        assertThat(renderer.outputsOf("plan:no-such-plan")).isEmpty();
    }
}
