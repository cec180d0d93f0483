package org.followthrough.model;

/** A change an update made to one of an action's scales: "RAG: Amber → Green". {@code from} is null when nothing was set before. */
public record Change(String scale, ScaleEntry from, ScaleEntry to) {
}
