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
 * A one-line text written in quotes with a space at either end, or a no-break space pasted from Word, means the text
 * without it: an action's ref " 1.1" is the ref 1.1 in every download, where readers of the data look it up.
 */
class SpacesAtTheEndsTest {

    @TempDir
    Path folder;

    @Test
    void aOneLineTextIsPublishedWithoutTheSpacesAtItsEnds() throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), folder.resolve("content"));
        Path recommendation = content.resolve("plans/sample-review/recommendations/01.yaml");
        Folders.replace(recommendation, "ref: \"1.1\"", "ref: \"\u00a01.1 \"");
        Folders.replace(recommendation, "title: Record keeping", "title: \" Record keeping\u00a0\"");

        MemoryPublisher site = TestBuilds.buildInMemory(content);

        assertThat(site.text("plans/sample-review/actions.csv")).contains(",1.1,").doesNotContain("\u00a01.1").doesNotContain(" 1.1 ");
        assertThat(site.text("plans/sample-review/plan.json")).contains("\"1.1\"").contains("\"Record keeping\"");
        assertThat(site.text("plans/sample-review/targets.ics")).doesNotContain("\u00a0");
    }
}
