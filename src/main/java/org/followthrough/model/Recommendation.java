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
}
