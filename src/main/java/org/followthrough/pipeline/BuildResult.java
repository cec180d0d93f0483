package org.followthrough.pipeline;

import java.util.List;
import org.followthrough.model.Archive;
import org.followthrough.problem.Problem;

/**
 * The outcome of a check or build: the problems found, the archive when content was valid, how many
 * files were published and how many of them came from the build cache.
 *
 * @param notWritten true when the content may be fine but the site could not be written (or its output folder may not be replaced)
 * @param unchangedAsOf the date statuses were computed at, when the build found the site it would publish already
 *                   published (by a build of the same files, whose warnings these are) and left it as it was,
 *                   reading no content, so that there is no archive; else null
 */
public record BuildResult(List<Problem> problems, Archive archive, int filesWritten, int filesFromCache, boolean notWritten,
                          java.time.LocalDate unchangedAsOf) {

    public BuildResult(List<Problem> problems, Archive archive, int filesWritten) {
        this(problems, archive, filesWritten, 0, false, null);
    }

    public BuildResult(List<Problem> problems, Archive archive, int filesWritten, int filesFromCache) {
        this(problems, archive, filesWritten, filesFromCache, false, null);
    }

    static BuildResult notWritten(List<Problem> problems) {
        return new BuildResult(problems, null, 0, 0, true, null);
    }

    /** A site found already published as this build would publish it: every file is as it was. */
    static BuildResult unchanged(List<Problem> warnings, java.time.LocalDate asOf, int files) {
        return new BuildResult(warnings, null, files, files, false, asOf);
    }

    /** The same outcome with these problems (the same, with protected names taken out of their messages). */
    public BuildResult withProblems(List<Problem> replaced) {
        return new BuildResult(replaced, archive, filesWritten, filesFromCache, notWritten, unchangedAsOf);
    }

    /** The date the published site's statuses were computed at; null when nothing was published. */
    public java.time.LocalDate asOf() {
        return archive != null ? archive.asOf() : unchangedAsOf;
    }

    public boolean succeeded() {
        return (archive != null || unchangedAsOf != null) && problems.stream().noneMatch(Problem::isError);
    }
}
