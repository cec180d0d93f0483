package org.followthrough.model;

/** Text written in Markdown (CommonMark with GFM tables), as the editor wrote it. */
public record Markdown(String source) {

    public boolean isBlank() {
        return source.isBlank();
    }
}
