package org.followthrough.importing.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import org.followthrough.importing.CheckedContent;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.format.ContentFormat;
import org.followthrough.importing.table.TableFile;
import org.followthrough.importing.table.TableFiles;
import org.followthrough.importing.table.UnreadableFileException;
import org.followthrough.output.AtomicFiles;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;

/**
 * {@code import plan}: drafts a plan folder from the action-plan table of a Word document or an
 * Excel workbook. The folder passes {@code check} once the editor has made the decisions the
 * result lists (which organisation an owner is, which stage a status word means).
 */
public final class PlanImport {

    private PlanImport() {
    }

    /**
     * @param content the content folder, whose organisations owners are matched against
     * @param asOf    the as-of date for checking the content first, or null for today
     * @param clock   where "today" comes from
     * @param file    the Word document (.docx) or workbook (.xlsx)
     * @param id      the new plan's id: the name of its folder
     * @param columns the mapping given with --columns ({@code HEADING=field} or {@code C=field}), may be empty
     */
    public record Request(Path content, LocalDate asOf, Clock clock, Path file, String id, List<String> columns) {
    }

    /**
     * @param problems     what stopped the import; with an error, nothing was written
     * @param mapping      the columns of each table and the field each was read as
     * @param decisions    what the editor must decide before check passes
     * @param checks       what was inferred and is worth a look
     * @param folder       the plan folder written, or null
     * @param writeFailure why the folder could not be written, or null
     */
    public record Result(List<Problem> problems, List<String> mapping, List<String> decisions, List<String> checks, Path folder,
                         Problem writeFailure) {

        public boolean hasProblems() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** Why {@code id} cannot be a new plan's id (the name of its folder), if it cannot. */
    public static Optional<Problem> idProblem(String id) {
        if (ContentFormat.ID.matches(id)) {
            return Optional.empty();
        }
        return Optional.of(Problem.error(Location.of("--id " + id), "'" + id + "' cannot be a plan's id",
                "use lower-case letters, digits and hyphens, e.g. '" + ContentFormat.idExample(id, "eput-2026-01") + "'"));
    }

    public static Result run(Request request) {
        List<Problem> problems = new ArrayList<>();
        List<String> columnErrors = new ArrayList<>();
        Map<String, String> written = new LinkedHashMap<>();
        Map<String, PlanField> given = ColumnMapping.parse(request.columns(), columnErrors, written);
        columnErrors.forEach(e -> problems.add(Problem.error(Location.of("--columns"), e, "write each as HEADING=field or C=field (C a column letter)")));
        idProblem(request.id()).ifPresent(problems::add);
        BuildResult checked = CheckedContent.check(request.content(), request.asOf(), request.clock());
        if (checked.archive() == null) {
            problems.addAll(CheckedContent.whyNotImported(request.content(), checked));
            return result(problems, List.of(), List.of(), List.of(), null);
        }
        Path folder = request.content().resolve("plans").resolve(request.id());
        if (Files.exists(folder)) {
            problems.add(Problem.error(Location.of(folder.toString()), "the plan folder already exists",
                    "choose another --id, or remove the folder first; import never overwrites"));
        }
        String extension = TableFiles.extension(request.file());
        if (!extension.equals("docx") && !extension.equals("xlsx")) {
            problems.add(Problem.error(Location.of(request.file().toString()), "import plan reads a Word document (.docx) or an Excel workbook (.xlsx)",
                    "open the plan in Word or Excel and save it as .docx or .xlsx"));
        }
        if (!problems.isEmpty()) {
            return result(problems, List.of(), List.of(), List.of(), null);
        }
        TableFile tables;
        try {
            tables = TableFiles.read(request.file());
        } catch (UnreadableFileException e) {
            problems.add(Problem.error(Location.of(request.file().toString()), e.getMessage(), e.hint()));
            return result(problems, List.of(), List.of(), List.of(), null);
        }
        PlanDrafter drafter = new PlanDrafter(checked.archive().organisations(), given);
        if (!drafter.read(tables)) {
            problems.add(Problem.error(Location.of(request.file().toString()),
                    "found no table with a header row naming at least two of the format's fields (action, owner, target, status, progress …)",
                    "name the columns with --columns, e.g. --columns \"B=action;C=owner;D=target\""));
            return result(problems, List.of(), List.of(), List.of(), null);
        }
        // a column as written is found where any of its keys (a letter in capitals is a heading too) was
        Set<String> found = written.entrySet().stream().filter(e -> drafter.answered().contains(e.getKey())).map(Map.Entry::getValue)
                .collect(java.util.stream.Collectors.toSet());
        for (String column : written.values().stream().distinct().filter(c -> !found.contains(c)).toList()) {
            problems.add(Problem.error(Location.of("--columns"), column.matches("[A-Z]{1,3}")
                            ? "no table in " + request.file().getFileName() + " has a column " + column + ", nor one headed '" + column + "'"
                            : "no table in " + request.file().getFileName() + " has a column headed '" + column + "'",
                    "give one of the columns read above, by its letter or its heading as printed (capitals and spacing do not matter)"));
        }
        if (!problems.isEmpty()) {
            return result(problems, drafter.mappings(), List.of(), List.of(), null);
        }
        PlanFiles planFiles = new PlanFiles(drafter.draft(), request.file().getFileName().toString());
        Map<String, String> files = planFiles.files(drafter.mappings(), drafter.unknownOwners());
        try {
            write(folder, files);
        } catch (IOException e) {
            return new Result(List.of(), drafter.mappings(), List.of(), List.of(), null, Problem.error(Location.of(folder.toString()),
                    "could not write the plan folder: " + e.getMessage(), "check that the content folder is writable; nothing was written"));
        }
        return result(List.of(), drafter.mappings(), planFiles.decisions, planFiles.checks, folder);
    }

    /** Writes the files into a folder beside the plans and moves it into place whole. */
    private static void write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder.getParent());
        Path staging = Files.createTempDirectory(folder.getParent(), "." + folder.getFileName() + ".import-");
        try {
            for (var file : files.entrySet()) {
                AtomicFiles.write(staging.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
            }
            java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(staging, java.nio.file.attribute.PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            AtomicFiles.moveFolder(staging, folder);
        } catch (IOException e) {
            try (var walk = Files.walk(staging)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException ignored) {
                // the staging folder's name starts with a dot; a leftover is harmless
            }
            throw e;
        }
    }

    private static Result result(List<Problem> problems, List<String> mapping, List<String> decisions, List<String> checks, Path folder) {
        return new Result(List.copyOf(problems), List.copyOf(mapping), List.copyOf(decisions), List.copyOf(checks), folder, null);
    }
}
