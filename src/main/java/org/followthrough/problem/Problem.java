package org.followthrough.problem;

import java.util.Comparator;

/** Something wrong (or worth a look) in the content, with where it is and what to do about it. */
public record Problem(Severity severity, Location location, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    public static final Comparator<Problem> BY_LOCATION = Comparator
            .comparing((Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column())
            .thenComparing(Problem::message);

    public static Problem error(Location location, String message) {
        return new Problem(Severity.ERROR, location, message, null);
    }

    public static Problem error(Location location, String message, String hint) {
        return new Problem(Severity.ERROR, location, message, hint);
    }

    public static Problem warning(Location location, String message, String hint) {
        return new Problem(Severity.WARNING, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The form editors and their tools read: {@code file:line:column: message — hint}. */
    public String format() {
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        String text = location + ": " + prefix + message;
        return hint == null ? text : text + " — " + hint;
    }

    @Override
    public String toString() {
        return format();
    }
}
