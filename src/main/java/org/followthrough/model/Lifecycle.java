package org.followthrough.model;

/** The common lifecycle every plan's status words map onto, so that plans can be summed up together. */
public enum Lifecycle {
    NOT_STARTED("not_started", "Not started", "No work has started, or the plan calls the action outstanding."),
    IN_PROGRESS("in_progress", "In progress", "Work has started and is not yet complete."),
    COMPLETED("completed", "Completed", "The action has been reported complete."),
    EMBEDDED("embedded", "Completed and embedded", "Complete, and continuing as routine practice."),
    CLOSED("closed", "Closed", "Closed without being completed: superseded, withdrawn or no longer applicable."),
    /** No status has been published for the action; never written by editors. */
    NOT_STATED("not_stated", "Status not published", "The plan publishes no status for the action.");

    private final String code;
    private final String label;
    private final String description;

    Lifecycle(String code, String label, String description) {
        this.code = code;
        this.label = label;
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isDone() {
        return this == COMPLETED || this == EMBEDDED || this == CLOSED;
    }

    /** The lifecycles an editor may map a status word onto. */
    public static java.util.List<Lifecycle> writable() {
        return java.util.List.of(NOT_STARTED, IN_PROGRESS, COMPLETED, EMBEDDED, CLOSED);
    }

    public static Lifecycle fromCode(String code) {
        for (Lifecycle l : values()) {
            if (l.code.equals(code)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown lifecycle " + code);
    }
}
