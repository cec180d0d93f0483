package org.followthrough.build;

import java.util.List;
import org.followthrough.model.Archive;
import org.followthrough.problem.Problem;

/** The outcome of a check or build: the problems found, and the archive when content was valid. */
public record BuildResult(List<Problem> problems, Archive archive, int filesWritten) {

    public boolean succeeded() {
        return archive != null && problems.stream().noneMatch(Problem::isError);
    }
}
