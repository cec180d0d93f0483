package org.followthrough.format;

/**
 * The text {@code new} writes where only the editor can say what belongs: {@code TO FILL IN: the plan's
 * title}. It is valid YAML wherever a value may stand, so a new file loads; {@code check} reports each
 * one still left as an error, so a placeholder is never published.
 */
public final class Placeholder {

    public static final String MARK = "TO FILL IN";

    /**
     * The organisation id {@code import plan} writes for an owner it could not match to an organisation: it names no
     * organisation, so {@code check} fails on it, and tells the editor to choose the owner's organisation rather than
     * to create one of this name.
     */
    public static final String UNDECIDED_ORGANISATION = "organisation-to-decide";

    private Placeholder() {
    }

    /** A placeholder saying what to write, e.g. {@code of("the plan's title")}. */
    public static String of(String what) {
        return MARK + ": " + what;
    }

    public static boolean isIn(String text) {
        return text.contains(MARK);
    }

    static final String MESSAGE = "this is still a placeholder: ";
    static final String HINT = "write the real value in its place";
    /** For a field that may be left out. */
    static final String HINT_OPTIONAL = HINT + ", or delete the line if the plan gives none";
}
