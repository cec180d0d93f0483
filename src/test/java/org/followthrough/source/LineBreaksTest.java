package org.followthrough.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A carriage return in a text (written "\r" in quotes, or a Markdown file saved on Windows) is a line break like any
 * other: each format published it its own way (kept in a CSV cell, dropped from a calendar so that words ran together).
 */
class LineBreaksTest {

    @TempDir
    Path folder;

    @Test
    void aCarriageReturnInATextIsPublishedAsTheLineBreakItMeans() throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), folder.resolve("content"));
        Folders.replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "description: Minute every MDT meeting.",
                "description: \"Minute every\\r\\nMDT meeting.\\rEvery week.\"");

        MemoryPublisher site = TestBuilds.buildInMemory(content);

        assertThat(site.text("plans/sample-review/actions.csv")).contains("\"Minute every\nMDT meeting.\nEvery week.\"");
        assertThat(site.text("plans/sample-review/targets.ics").replace("\r\n ", "")).contains("Minute every\\nMDT meeting.\\nEvery week.");
        assertThat(site.text("plans/sample-review/plan.json")).contains("Minute every\\nMDT meeting.\\nEvery week.");
    }
}
