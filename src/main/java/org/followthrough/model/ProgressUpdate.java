package org.followthrough.model;

import java.time.LocalDate;

/**
 * What was true of an action on a date: any of status, grade and RAG, and what happened.
 * {@code shared}: the plan reported it once for all the actions of a recommendation.
 */
public record ProgressUpdate(
        LocalDate date,
        String dateAsPublished,
        ScaleEntry status,
        ScaleEntry grade,
        ScaleEntry rag,
        Markdown text,
        String reportedBy,
        boolean shared) {

    public ProgressUpdate(LocalDate date, String dateAsPublished, ScaleEntry status, ScaleEntry grade, ScaleEntry rag,
                          Markdown text, String reportedBy) {
        this(date, dateAsPublished, status, grade, rag, text, reportedBy, false);
    }
}
