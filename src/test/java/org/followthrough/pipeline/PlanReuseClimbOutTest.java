package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A plan whose files name a Markdown file with '..' in its path ({file: ../x.md}, the value perhaps on the next line) is
 * not taken from the cache by its own files alone. Which texts are so told is what a pattern told before; it is now
 * one pass over the text, which a line of 'file:' again and again, or of spaces, cannot make slow.
 */
class PlanReuseClimbOutTest {

    /** How it was told before: right, but looked through a line again from each 'file:' on it, and from each space. */
    private static final Pattern BEFORE = Pattern.compile("file[\"']?[ \\t]*:\\s*[^\\n]*\\.\\.");

    @Test
    void tellsTheTextsThePatternTold() {
        assertThat(PlanReuse.mayClimbOut("summary: {file: ../other/summary.md}")).isTrue();
        assertThat(PlanReuse.mayClimbOut("summary:\n  file:\n    ../x.md\n")).isTrue();
        assertThat(PlanReuse.mayClimbOut("\"file\" : ..")).isTrue();
        assertThat(PlanReuse.mayClimbOut("summary: {file: notes.md}\ntext: and so on..")).isFalse();
        assertThat(PlanReuse.mayClimbOut("text: a.. b\nsummary: {file: x.md}")).isFalse();
        Random random = new Random(20261206);
        String[] pieces = {"file", "\"", "'", ":", " ", "\t", "\n", ".", "..", "x", "{", "}", "/"};
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int j = 0; j < length; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertThat(PlanReuse.mayClimbOut(t)).as("'%s'", t.replace("\n", "\\n")).isEqualTo(BEFORE.matcher(t).find());
        }
    }

    /** The guard is hundreds of times what it takes; looked through again from each, these took minutes. */
    @Test
    void aLineOfFileKeysOrOfSpacesIsLookedAtOnce() {
        String keys = ".. before\n" + "file:".repeat(200_000);
        String spaces = ".. before\n# file:" + " ".repeat(1_000_000) + "x";
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThat(PlanReuse.mayClimbOut(keys)).isFalse();
            assertThat(PlanReuse.mayClimbOut(spaces)).isFalse();
        });
    }
}
