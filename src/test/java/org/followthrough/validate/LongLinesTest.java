package org.followthrough.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.support.Folders;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A content file of hostile lines (within the size limit) is checked in time in proportion to it: the checks that look
 * for a field pasted into a text, or for a file named in a progress text that holds a date, look at such a line once,
 * not again from each of its letters. Looked through again from each, these took many minutes; the guard is many times
 * what they take now.
 */
class LongLinesTest {

    @TempDir
    Path temp;

    private BuildResult checkWithFirstUpdateText(String text) throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        Folders.replace(content.resolve("plans/sample-review/recommendations/01.yaml"), "        text: A template has been drafted.", text);
        return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Pipeline.check(TestBuilds.request(content, null)));
    }

    @Test
    void aLongLineOfLettersUnderWhatReadsAsAListEntryInATextIsLookedAtOnce() throws IOException {
        BuildResult checked = checkWithFirstUpdateText("        text: |\n          A template has been drafted.\n\n          - status: x\n"
                + "            " + "a".repeat(400_000) + "\n");

        assertThat(checked.problems()).isNotNull();
    }

    @Test
    void aLongLineOfFileReferencesInAProgressTextWithADateIsLookedAtOnce() throws IOException {
        BuildResult checked = checkWithFirstUpdateText("        text: \"On 01/02/2020 " + "{file:x".repeat(100_000) + "\"");

        assertThat(checked.problems()).isNotNull();
    }
}
