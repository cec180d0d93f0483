package org.followthrough.importing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;

/**
 * The content an import adds to, as {@code check} sees it. An import writes into content that passes
 * {@code check}, so that what it writes is checked against the plans and organisations already there;
 * when the content does not pass, the import says so first, then lists what {@code check} found.
 */
public final class CheckedContent {

    private CheckedContent() {
    }

    /** The content checked as at {@code asOf} (today, by {@code clock}, when null). */
    public static BuildResult check(Path content, LocalDate asOf, Clock clock) {
        return Pipeline.check(new BuildRequest(content, null, null, asOf, null, clock));
    }

    /** Why nothing is imported into content that does not pass {@code check}: that, then each of its problems. */
    public static List<Problem> whyNotImported(Path content, BuildResult checked) {
        List<Problem> problems = new ArrayList<>();
        problems.add(Problem.error(Location.of(content.toString()),
                "the content does not pass check, and an import only adds to content that does",
                "fix the problems listed below (a plan imported before may still have decisions to make, "
                        + "or a new update placeholders to fill in), then import again"));
        problems.addAll(checked.problems());
        return problems;
    }
}
