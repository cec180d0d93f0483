package org.followthrough.source;

/** A YAML content file and its parsed tree. */
public record ParsedFile(SourceFile file, Node root) {
}
