package org.followthrough.format;

/**
 * The text {@code new} writes where only the editor can say what belongs: {@code TO FILL IN: the plan's
 * title}. It is valid YAML wherever a value may stand, so a new file loads; {@code check} reports each
 * one still left as an error, so a placeholder is never published.
 */
public final class Placeholder {

    public static final String MARK = "TO FILL IN";

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
    static final String HINT = "write the real value in its place, or delete the line if the field is optional and the plan gives none";
}
