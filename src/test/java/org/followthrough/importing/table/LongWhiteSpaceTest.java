package org.followthrough.importing.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A cell of a Word or Excel table has its lines' trailing white space taken off, and a one-line field's lines joined:
 * the same text as before, from each run of white space looked at once, so that a cell with a long run of spaces
 * (a Word cell has no length limit) is not looked through again from each space.
 */
class LongWhiteSpaceTest {

    private static String lineBefore(String text) {
        return text.replaceAll("\\s*\\n\\s*", " ").replaceAll("^- ", "").strip();
    }

    private static String cleanBefore(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u000b', '\n')
                .replaceAll("[ \\t\\u00a0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    @Test
    void cellsReadAsTheyDidBefore() {
        Random random = new Random(20261206);
        String[] pieces = {" ", "\t", "\u00a0", "\n", "\r", "a", "-", "b "};
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            assertThat(new Cell(t, 0, 1, "A1", false).line()).as("'%s'", t).isEqualTo(lineBefore(t));
            assertThat(TableFiles.clean(t)).as("'%s'", t).isEqualTo(cleanBefore(t));
        }
    }

    /** The guard is hundreds of times what it takes; looked through again from each space, these took minutes. */
    @Test
    void aLongRunOfSpacesInACellIsLookedAtOnce() {
        String cell = "Do a" + " ".repeat(400_000) + "b";
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThat(new Cell(cell, 0, 1, "A1", false).line()).isEqualTo(cell);
            assertThat(TableFiles.clean(cell)).isEqualTo(cell);
        });
    }
}
