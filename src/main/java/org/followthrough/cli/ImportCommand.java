package org.followthrough.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.followthrough.importing.ProgressImport;
import org.followthrough.importing.plan.PlanImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring progress and plans into the content from the spreadsheets and Word tables they live in.",
        subcommands = {ImportCommand.Progress.class, ImportCommand.PlanTable.class})
final class ImportCommand implements Runnable {

    @ParentCommand
    Main main;

    @Override
    public void run() {
        main.spec.commandLine().getSubcommands().get("import").usage(main.spec.commandLine().getOut());
    }

    @Command(name = "progress", mixinStandardHelpOptions = true,
            description = {"Add the filled rows of a progress workbook (written by 'export progress') as progress updates.",
                    "Each becomes a dated update at the end of its action's list, changing nothing else in the files. Every row is"
                            + " checked first; nothing is written unless all are valid. An update already in the content is not added"
                            + " again."})
    static final class Progress implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        @Mixin
        ContentOptions options;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
                description = "No update may be dated after this day (default: today in the site's time zone).")
        LocalDate asOf;

        @Parameters(paramLabel = "FILE", description = "The filled-in workbook (.xlsx) or a CSV file saved from its Progress sheet.")
        Path file;

        @Override
        public Integer call() {
            Main main = parent.main;
            ProgressImport.Result result = ProgressImport.run(new ProgressImport.Request(options.content, asOf, main.clock, file));
            int code = Reports.report(result.problems(), result.writeFailure(), main.spec.commandLine().getErr(), "nothing was written");
            if (code == Main.OK) {
                var out = main.spec.commandLine().getOut();
                for (ProgressImport.Added added : result.added()) {
                    out.printf(java.util.Locale.ROOT, "%s: added the update of %s to action %s%s%n", added.file(), added.date(), added.ref(),
                            added.status() == null ? "" : " (status " + added.status() + ")");
                }
                out.printf(java.util.Locale.ROOT, "%d %s added%s.%n", result.added().size(), result.added().size() == 1 ? "update" : "updates",
                        result.alreadyThere() == 0 ? "" : "; " + result.alreadyThere() + " already in the content, left out");
            }
            return code;
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = {"Draft a plan folder from the action-plan table of a Word document or an Excel workbook.",
                    "Columns are mapped to the format's fields from their headings (printed, and changed with --columns); "
                            + "a column with no field becomes one of the plan's extra columns, headed as printed.",
                    "The folder passes 'check' once the decisions listed are made "
                            + "(which organisation an owner is, which stage a status word means)."})
    static final class PlanTable implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        /** This command, for usage errors: they show its own usage. */
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ContentOptions options;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The new plan's id: its folder under plans/ (lower-case letters, digits, hyphens).")
        String id;

        @Option(names = "--columns", paramLabel = "MAPPING",
                description = {"Map columns yourself: HEADING=field or C=field (C a column letter), several separated by ';'",
                        "or given again. Fields: recommendation, action, ref, owner, target, status, rag, grade, progress, evidence,",
                        "priority, term, monitoring, desired_outcome, success_measure, quality_assured_by, oversight,",
                        "issues_identified, follow_up, follow_up_target, keep."})
        List<String> columns = new ArrayList<>();

        @Parameters(paramLabel = "FILE", description = "The plan as a Word document (.docx) or an Excel workbook (.xlsx).")
        Path file;

        @Override
        public Integer call() {
            Main main = parent.main;
            PlanImport.idProblem(id).ifPresent(p -> {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), p.location() + ": " + p.message() + ": " + p.hint());
            });
            PlanImport.Result result = PlanImport.run(new PlanImport.Request(options.content, null, main.clock, file, id, columns));
            var out = main.spec.commandLine().getOut();
            if (!result.mapping().isEmpty()) {
                out.println("Columns read (give --columns \"HEADING=field\" to read one otherwise):");
                result.mapping().forEach(line -> out.println("  " + line));
            }
            int code = Reports.report(result.problems(), result.writeFailure(), main.spec.commandLine().getErr(), "nothing was written");
            if (code == Main.OK) {
                out.println("Wrote " + result.folder() + ".");
                if (!result.checks().isEmpty()) {
                    out.println("Worth a look:");
                    result.checks().forEach(c -> out.println("  - " + c));
                }
                if (result.decisions().isEmpty()) {
                    out.println("Nothing to decide: 'check' should pass.");
                } else {
                    out.println("To decide before 'check' passes:");
                    result.decisions().forEach(d -> out.println("  - " + d));
                }
            }
            return code;
        }
    }
}
