package org.followthrough.model;

/** The published document a plan was transcribed from, and notes on the transcription. */
public record SourceDocument(String title, String url, Markdown notes) {
}
