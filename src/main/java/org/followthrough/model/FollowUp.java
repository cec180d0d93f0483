package org.followthrough.model;

/** A further action required after review, with its own target. */
public record FollowUp(Markdown text, Target target, ScaleEntry status) {
}
