package org.followthrough.model;

import java.time.LocalDate;

/** What was true of an action on a date: any of status, grade and RAG, and what happened. */
public record ProgressUpdate(
        LocalDate date,
        String dateAsPublished,
        ScaleEntry status,
        ScaleEntry grade,
        ScaleEntry rag,
        Markdown text,
        String reportedBy) {
}
