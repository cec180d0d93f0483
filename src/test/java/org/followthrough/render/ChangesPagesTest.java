package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.render.data.CsvRenderer;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;

/** Where the pages and CSV of what changed since a date ({@code build --since}) are published, and where not. */
class ChangesPagesTest {

    private static final LocalDate SINCE = LocalDate.of(2024, 6, 1);

    private static BuildRequest small() {
        return TestBuilds.request(TestBuilds.fixture("small"), null);
    }

    @Test
    void withoutSinceThereIsNoPageOfChangesAndNoLinkToOne() {
        MemoryPublisher site = TestBuilds.buildInMemory(small());

        assertThat(site.files().keySet()).noneMatch(path -> path.contains("changes"));
        assertThat(site.text("index.html")).doesNotContain("What changed after");
        assertThat(site.text("organisations/sample-trust/index.html")).doesNotContain("What changed after");
    }

    @Test
    void theSiteAndEachOrganisationThatOwnsActionsHaveTheirOwnChanges() {
        MemoryPublisher site = TestBuilds.buildInMemory(small().withSince(SINCE));

        assertThat(site.text("changes/index.html")).contains("Action 1.1").contains("Action 1.2");
        assertThat(site.text("organisations/sample-trust/index.html")).contains("href=\"../../organisations/sample-trust/changes/\"");
        assertThat(site.text("organisations/sample-trust/changes/index.html")).contains("Action 1.1").doesNotContain("Action 1.2");
        assertThat(site.text("organisations/sample-police/changes/index.html")).contains("Action 1.2").doesNotContain("Action 1.1");
        assertThat(site.text("organisations/sample-trust/changes.csv")).contains(",1.1,").doesNotContain(",1.2,");
        assertThat(site.text("sitemap.xml")).contains("/changes/</loc>").contains("/data/changes.csv</loc>");
    }

    @Test
    void anOrganisationsOwnSiteHasOnlyItsOwnChangesAndItsPageLinksToThem() {
        BuildRequest plain = small();
        MemoryPublisher site = TestBuilds.buildInMemory(new BuildRequest(plain.content(), plain.templates(), null, plain.asOf(), null,
                plain.clock(), "sample-trust", false).withSince(SINCE));

        assertThat(site.text("changes/index.html")).contains("Action 1.1").doesNotContain("Action 1.2");
        assertThat(site.text("organisations/sample-trust/index.html")).contains("href=\"../../changes/\">What changed after 1 June 2024");
        assertThat(site.files().keySet()).noneMatch(path -> path.startsWith("organisations/sample-trust/changes"));
    }

    @Test
    void aSnapshotShowsTheSiteAsItStoodWithoutAPageOfChanges() {
        MemoryPublisher site = TestBuilds.buildInMemory(small().withSince(SINCE).withSnapshot(true));

        String snapshot = Routes.snapshot(TestBuilds.AS_OF);
        assertThat(site.files().keySet()).contains("changes/index.html")
                .noneMatch(path -> path.startsWith(snapshot) && path.contains("changes"));
        assertThat(site.text(snapshot + "index.html")).doesNotContain("What changed after");
    }

    @Test
    void theCsvHasTheColumnsItsMetadataDescribesAndARowForEachChange() throws Exception {
        MemoryPublisher site = TestBuilds.buildInMemory(small().withSince(SINCE));

        String csv = site.text("data/changes.csv");
        JsonNode metadata = new ObjectMapper().readTree(site.text("data/changes.csv-metadata.json"));
        List<String> titles = new ArrayList<>();
        metadata.at("/tableSchema/columns").forEach(c -> titles.add(c.get("titles").asText()));
        assertThat(metadata.get("url").asText()).isEqualTo("changes.csv");
        assertThat(csv).startsWith(CsvRenderer.BOM + String.join(",", titles) + CsvRenderer.CRLF);
        assertThat(csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList())
                .as("1.1 done on 1 July 2024 (a change of status and an update), and both targets passed")
                .containsExactly("status_changed", "progress_update", "target_passed", "target_passed");
    }
}
