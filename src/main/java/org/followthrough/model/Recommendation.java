package org.followthrough.model;

import java.util.List;

/**
 * A recommendation as published, with what it gives once for all its actions, its actions, and the ids
 * of the site's themes it names.
 */
public record Recommendation(
        String number,
        String title,
        Markdown text,
        Markdown issuesIdentified,
        ScaleEntry priority,
        List<String> lead,
        String leadAsPublished,
        String oversight,
        List<String> oversightBy,
        Markdown note,
        Shared shared,
        List<Action> actions,
        List<String> themes) {

    private static final java.util.regex.Pattern SEVERAL = java.util.regex.Pattern.compile(".*(,|&|\\band\\b).*");

    /**
     * A recommendation named by its number as the plan names it: "Recommendation 5", and "Recommendations 5, 7 and 10"
     * where one heading answers several of the report's recommendations.
     */
    public static String heading(String number) {
        return (SEVERAL.matcher(number).matches() ? "Recommendations " : "Recommendation ") + number;
    }

    /** This recommendation, named by its number; see {@link #heading(String)}. */
    public String heading() {
        return heading(number);
    }
}
