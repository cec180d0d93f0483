package org.followthrough.model;

/** One value of a scale: the code content files write, the label readers see, what it means, and (for statuses) its lifecycle. */
public record ScaleEntry(String code, String label, Markdown description, Lifecycle lifecycle) {
}
