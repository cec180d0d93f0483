package org.followthrough.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps what the libraries log off the editor's terminal: PDFBox (through commons-logging), Freemarker
 * and anything else that logs through java.util.logging. The tool reports its own problems as
 * file:line:column lines; a library's warning beside them is noise. With {@code --verbose} the
 * libraries' messages are printed to standard error, one a line.
 *
 * <p>java.util.logging is configured for the whole process, so the previous configuration is put
 * back when the command ends.
 */
final class LibraryLogs {

    private final Logger root;
    private final Level level;
    private final List<Handler> handlers;
    private final Handler installed;

    private LibraryLogs(Logger root, Handler installed) {
        this.root = root;
        this.level = root.getLevel();
        this.handlers = List.of(root.getHandlers());
        this.installed = installed;
    }

    /** Runs a command with the libraries' logging off, or printed to {@code err} when verbose; returns its exit code. */
    static int around(boolean verbose, PrintWriter err, IntSupplier command) {
        Logger root = Logger.getLogger("");
        LibraryLogs previous = new LibraryLogs(root, verbose ? new Printed(err) : null);
        previous.handlers.forEach(root::removeHandler);
        if (verbose) {
            root.setLevel(Level.INFO);
            root.addHandler(previous.installed);
        } else {
            root.setLevel(Level.OFF);
        }
        try {
            return command.getAsInt();
        } finally {
            previous.restore();
        }
    }

    private void restore() {
        if (installed != null) {
            root.removeHandler(installed);
        }
        root.setLevel(level);
        handlers.forEach(root::addHandler);
    }

    /** One line a message: level, logger and text, then the exception's own message if there is one. */
    private static final class Printed extends Handler {
        private final PrintWriter err;

        Printed(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String text = record.getMessage();
            if (record.getParameters() != null && text != null) {
                text = java.text.MessageFormat.format(text, record.getParameters());
            }
            String cause = record.getThrown() == null ? "" : " (" + record.getThrown() + ")";
            err.println("[" + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + "] " + record.getLoggerName() + ": " + text + cause);
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
