package org.followthrough.model;

import java.util.List;

/** A recommendation as published, with its actions and the ids of the site's themes it was given. */
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
        List<Action> actions,
        List<String> themes) {
}
