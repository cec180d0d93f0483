package org.followthrough.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.followthrough.pipeline.BuildProgress;

/**
 * One line on an interactive terminal that says what the build is doing ("Rendering 512 of 2,254
 * files, 430 from the cache"), rewritten in place a few times a second and cleared at the end. On
 * anything else (CI logs, files) it prints nothing: the summary line says what was done.
 */
final class ProgressLine implements BuildProgress, AutoCloseable {

    private static final long INTERVAL_NANOS = 150_000_000L;

    private final PrintWriter terminal;
    private String stage = "";
    private long lastShown;
    private int width;

    private ProgressLine(PrintWriter terminal) {
        this.terminal = terminal;
    }

    static ProgressLine on(PrintWriter err, boolean interactive) {
        return new ProgressLine(interactive ? err : null);
    }

    @Override
    public synchronized void stage(String name) {
        stage = name;
        show(name + " …", true);
    }

    @Override
    public synchronized void fileDone(int done, int total, int fromCache) {
        // told of every file, shown a few times a second: the text is made only when it is shown
        if (terminal != null && (done == total || System.nanoTime() - lastShown >= INTERVAL_NANOS)) {
            show(String.format(Locale.UK, "%s: %,d of %,d files, %,d from the cache", stage, done, total, fromCache), done == total);
        }
    }

    private void show(String text, boolean now) {
        if (terminal == null) {
            return;
        }
        long time = System.nanoTime();
        if (!now && time - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = time;
        terminal.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        terminal.flush();
        width = text.length();
    }

    @Override
    public synchronized void close() {
        if (terminal != null && width > 0) {
            terminal.print("\r" + " ".repeat(width) + "\r");
            terminal.flush();
        }
    }

    /** "850 ms", "3.2 s", "2 min 5 s". */
    static String seconds(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
}
