package org.followthrough.model;

import java.util.Arrays;

/**
 * How much of the content's Git history the site publishes ({@code change_history} in site.yaml).
 * Commit messages are written for colleagues and can hold names, so a site chooses what it shows;
 * authors' names only when it opts in, and e-mail addresses never.
 */
public enum HistoryDetail {
    /** No change history: the history is not read and the pages do not mention it. */
    NONE("none"),
    /** When each plan was last changed, and the dates of its changes, without their messages. */
    DATES("dates"),
    /** The dates and the first line of each commit's message (the default). */
    MESSAGES("messages"),
    /** The dates, messages and the name of each commit's author. */
    AUTHORS("authors");

    public static final HistoryDetail DEFAULT = MESSAGES;

    private final String code;

    HistoryDetail(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static HistoryDetail fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no history detail " + code));
    }
}
