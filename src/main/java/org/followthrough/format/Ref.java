package org.followthrough.format;

import org.followthrough.problem.Location;

/** An id written in the content, with where it was written, so a dangling reference points at its line. */
public record Ref(String id, RefKind kind, Location location) {
}
