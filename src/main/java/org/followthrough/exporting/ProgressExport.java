package org.followthrough.exporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.Recommendation;
import org.followthrough.output.AtomicFiles;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.followthrough.problem.Suggestions;

/** {@code export progress}: writes the workbook organisations fill in with their quarter's progress. */
public final class ProgressExport {

    private ProgressExport() {
    }

    /**
     * What to export.
     *
     * @param content      the content folder
     * @param asOf         the date statuses are worked out at, or null for today in the site's time zone
     * @param clock        where "today" comes from
     * @param plan         only this plan's actions, or null for every plan
     * @param organisation only the actions this organisation owns, or null for every action
     * @param output       the workbook to write (.xlsx)
     */
    public record Request(Path content, LocalDate asOf, Clock clock, String plan, String organisation, Path output) {
    }

    /**
     * What happened.
     *
     * @param problems     what is wrong with the content or the request; with an error, nothing was written
     * @param actions      how many actions the workbook lists
     * @param writeFailure why the workbook could not be written, or null
     */
    public record Result(List<Problem> problems, int actions, Problem writeFailure) {

        public boolean hasProblems() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    public static Result run(Request request) {
        BuildResult checked = Pipeline.check(new BuildRequest(request.content(), null, null, request.asOf(), null, request.clock()));
        if (checked.archive() == null) {
            return new Result(checked.problems(), 0, null);
        }
        Archive archive = checked.archive();
        Problems problems = new Problems();
        List<ProgressWorkbook.Line> lines = select(archive, request, problems);
        if (problems.hasErrors()) {
            return new Result(problems.sorted(), 0, null);
        }
        try {
            AtomicFiles.write(request.output(), ProgressWorkbook.write(archive, lines,
                    request.organisation() == null ? null : archive.organisation(request.organisation()).orElseThrow()));
        } catch (IOException | UncheckedIOException e) {
            return new Result(checked.problems(), 0, Problem.error(Location.of(request.output().toString()),
                    "could not write the workbook: " + e.getMessage(), "check that the folder exists and is writable, and that the file is not open in Excel"));
        }
        return new Result(checked.problems(), lines.size(), null);
    }

    private static List<ProgressWorkbook.Line> select(Archive archive, Request request, Problems problems) {
        if (request.plan() != null && archive.plans().stream().noneMatch(p -> p.id().equals(request.plan()))) {
            List<String> ids = archive.plans().stream().map(Plan::id).toList();
            problems.error(Location.of("--plan " + request.plan()), "there is no plan '" + request.plan() + "'",
                    Optional.ofNullable(Suggestions.didYouMean(request.plan(), ids)).orElse("plans: " + String.join(", ", ids)));
        }
        if (request.organisation() != null && archive.organisation(request.organisation()).isEmpty()) {
            List<String> ids = archive.organisations().stream().map(Organisation::id).toList();
            problems.error(Location.of("--organisation " + request.organisation()), "there is no organisation '" + request.organisation() + "'",
                    Optional.ofNullable(Suggestions.didYouMean(request.organisation(), ids)).orElse("organisations: " + String.join(", ", ids)));
        }
        List<ProgressWorkbook.Line> lines = new ArrayList<>();
        for (Plan plan : archive.plans()) {
            if (request.plan() != null && !plan.id().equals(request.plan())) {
                continue;
            }
            for (Recommendation recommendation : plan.recommendations()) {
                for (Action action : recommendation.actions()) {
                    if (request.organisation() == null || action.isOwnedBy(request.organisation())) {
                        lines.add(new ProgressWorkbook.Line(plan, recommendation, action));
                    }
                }
            }
        }
        if (lines.isEmpty() && !problems.hasErrors()) {
            problems.error(Location.of(request.output().toString()), "no action matches: the workbook would be empty",
                    request.organisation() != null ? "'" + request.organisation() + "' owns no actions" + (request.plan() != null ? " in this plan" : "")
                            : "the plan has no actions yet");
        }
        return lines;
    }
}
