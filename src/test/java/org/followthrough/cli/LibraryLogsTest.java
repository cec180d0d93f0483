package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LibraryLogsTest {

    private static final Logger PDFBOX = Logger.getLogger("org.apache.pdfbox.pdmodel.font.PDType0Font");

    @Test
    void librariesPrintNothingUnlessVerbose() {
        StringWriter err = new StringWriter();

        LibraryLogs.around(false, new PrintWriter(err, true), () -> {
            PDFBOX.warning("No glyph for U+2011 in font DejaVuSans");
            return 0;
        });

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void verbosePrintsEachLibraryMessageOnOneLine() {
        StringWriter err = new StringWriter();

        LibraryLogs.around(true, new PrintWriter(err, true), () -> {
            PDFBOX.log(Level.WARNING, "No glyph for {0} in font {1}", new Object[] {"U+2011", "DejaVuSans"});
            return 0;
        });

        assertThat(err.toString()).isEqualTo("[warning] org.apache.pdfbox.pdmodel.font.PDType0Font: No glyph for U+2011 in font DejaVuSans"
                + System.lineSeparator());
    }

    @Test
    void jgitLogsThroughSlf4jToTheSamePlaceQuietUnlessVerbose() {
        org.slf4j.Logger jgit = org.slf4j.LoggerFactory.getLogger("org.eclipse.jgit.util.FS");
        StringWriter quiet = new StringWriter();
        StringWriter verbose = new StringWriter();

        LibraryLogs.around(false, new PrintWriter(quiet, true), () -> {
            jgit.warn("Cannot run program \"git\"");
            return 0;
        });
        LibraryLogs.around(true, new PrintWriter(verbose, true), () -> {
            jgit.warn("Cannot run program \"git\"");
            return 0;
        });

        assertThat(quiet.toString()).isEmpty();
        assertThat(verbose.toString()).isEqualTo("[warning] org.eclipse.jgit.util.FS: Cannot run program \"git\"" + System.lineSeparator());
    }

    @Test
    void putsTheProcessLoggingBackAfterwards() {
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        int handlers = root.getHandlers().length;

        LibraryLogs.around(true, new PrintWriter(new StringWriter()), () -> {
            assertThat(root.getLevel()).isEqualTo(Level.INFO);
            return 0;
        });

        assertThat(root.getLevel()).isEqualTo(before);
        assertThat(root.getHandlers()).hasSize(handlers);
    }
}
