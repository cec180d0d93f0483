package org.followthrough.pipeline;

import java.util.List;
import org.followthrough.model.Archive;
import org.followthrough.problem.Problem;

/**
 * The outcome of a check or build: the problems found, the archive when content was valid, how many
 * files were published and how many of them came from the build cache.
 *
 * @param notWritten true when the content may be fine but the site could not be written (or its output folder may not be replaced)
 */
public record BuildResult(List<Problem> problems, Archive archive, int filesWritten, int filesFromCache, boolean notWritten) {

    public BuildResult(List<Problem> problems, Archive archive, int filesWritten) {
        this(problems, archive, filesWritten, 0, false);
    }

    public BuildResult(List<Problem> problems, Archive archive, int filesWritten, int filesFromCache) {
        this(problems, archive, filesWritten, filesFromCache, false);
    }

    static BuildResult notWritten(List<Problem> problems) {
        return new BuildResult(problems, null, 0, 0, true);
    }

    /** The same outcome with these problems (the same, with protected names taken out of their messages). */
    public BuildResult withProblems(List<Problem> replaced) {
        return new BuildResult(replaced, archive, filesWritten, filesFromCache, notWritten);
    }

    public boolean succeeded() {
        return archive != null && problems.stream().noneMatch(Problem::isError);
    }
}
