package org.followthrough.build;

import java.util.List;
import org.followthrough.model.Archive;
import org.followthrough.problem.Problem;

/**
 * The outcome of a check or build: the problems found, the archive when content was valid, and how
 * many files were published, how many of them came from the build cache.
 */
public record BuildResult(List<Problem> problems, Archive archive, int filesWritten, int filesFromCache) {

    public BuildResult(List<Problem> problems, Archive archive, int filesWritten) {
        this(problems, archive, filesWritten, 0);
    }

    public boolean succeeded() {
        return archive != null && problems.stream().noneMatch(Problem::isError);
    }
}
