package org.followthrough.model;

/** The common lifecycle every plan's status words map onto, so that plans can be summed up together. */
public enum Lifecycle {
    NOT_STARTED("not_started", "Not started"),
    IN_PROGRESS("in_progress", "In progress"),
    COMPLETED("completed", "Completed"),
    EMBEDDED("embedded", "Completed and embedded"),
    CLOSED("closed", "Closed"),
    /** No status has been published for the action; never written by editors. */
    NOT_STATED("not_stated", "Status not published");

    private final String code;
    private final String label;

    Lifecycle(String code, String label) {
        this.code = code;
        this.label = label;
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
