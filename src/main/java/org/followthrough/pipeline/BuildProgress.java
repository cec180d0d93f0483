package org.followthrough.pipeline;

/** Told as a build goes, for a progress line on an interactive terminal. Called from several threads. */
public interface BuildProgress {

    /** A stage has begun: "Reading", "Checking", "Rendering". */
    default void stage(String name) {
    }

    /** One more file is published (or found to have none); {@code fromCache} of the {@code done} came from the cache. */
    default void fileDone(int done, int total, int fromCache) {
    }

    BuildProgress NONE = new BuildProgress() {
    };
}
