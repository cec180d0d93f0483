package org.followthrough.source;

/**
 * A content file read into memory.
 *
 * @param path    the path relative to the content folder, with forward slashes ({@code plans/x/plan.yaml})
 * @param display the path as shown to editors in messages ({@code content/plans/x/plan.yaml})
 * @param text    the file's text, decoded as UTF-8 without a byte-order mark
 */
public record SourceFile(String path, String display, String text) {
}
