package org.followthrough.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.followthrough.exporting.ProgressExport;
import org.followthrough.importing.table.TableFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write content out for others to fill in.",
        subcommands = ExportCommand.Progress.class)
final class ExportCommand implements Runnable {

    @ParentCommand
    Main main;

    @Override
    public void run() {
        main.spec.commandLine().getSubcommands().get("export").usage(main.spec.commandLine().getOut());
    }

    @Command(name = "progress", mixinStandardHelpOptions = true,
            description = {"Write a workbook for the quarter's progress returns.",
                    "One row per action, with its reference, text, owners, target and current status, and empty columns for the"
                            + " new update (date, status from a drop-down of the plan's own codes, text, evidence). Read it back with"
                            + " 'import progress'."})
    static final class Progress implements Callable<Integer> {

        @ParentCommand
        ExportCommand export;

        /** This command, for usage errors: they show its own usage. */
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ContentOptions options;

        @Option(names = "--plan", paramLabel = "ID", description = "Only this plan's actions.")
        String plan;

        @Option(names = "--organisation", paramLabel = "ID", description = "Only the actions this organisation owns.")
        String organisation;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
                description = "Show statuses as at this date (default: today in the site's time zone).")
        LocalDate asOf;

        @Parameters(paramLabel = "FILE.xlsx", description = "The workbook to write.")
        Path file;

        @Option(names = "--replace", negatable = false,
                description = "Write over FILE.xlsx where it exists already (it may be a workbook filled in since it was exported).")
        boolean replace;

        @Override
        public Integer call() {
            Main main = export.main;
            if (!TableFiles.extension(file).equals("xlsx")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "the workbook's name must end in .xlsx, not '" + file.getFileName() + "'");
            }
            if (organisation != null) {
                options.requireOrganisation(organisation, spec);
            }
            if (plan != null) {
                options.requirePlan("--plan", plan, spec);
            }
            String refused = whereNotToWrite(file, options.content);
            if (refused != null) {
                main.spec.commandLine().getErr().println(file + ": " + refused);
                return Main.NOT_WRITTEN;
            }
            if (!replace && java.nio.file.Files.exists(file)) {
                main.spec.commandLine().getErr().println(file + ": the file exists already, and may be a workbook filled in since it was"
                        + " exported; nothing was written — give another name, or --replace to write over it");
                return Main.NOT_WRITTEN;
            }
            ProgressExport.Result result = ProgressExport.run(new ProgressExport.Request(options.content, asOf, main.clock, plan, organisation, file));
            int code = Reports.report(result.problems(), result.writeFailure(), main.spec.commandLine().getErr(), "nothing was written");
            if (code == Main.OK) {
                main.spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Wrote %d action%s to %s.%n", result.actions(), result.actions() == 1 ? "" : "s", file);
                insideRepository(file, options.content).ifPresent(repository -> main.spec.commandLine().getErr().println(file
                        + ": warning: the workbook is inside the Git repository " + repository + " that holds the content, where a commit"
                        + " of the whole folder would take it along, and a return may hold what is not yet to be published"
                        + " — keep the workbooks outside the repository (export to ../" + file.getFileName() + ", say)"));
            }
            return code;
        }

        /** The Git repository that holds both the content folder and the workbook, if there is one. */
        static java.util.Optional<Path> insideRepository(Path file, Path content) {
            try {
                Path folder = file.toAbsolutePath().normalize().getParent().toRealPath();
                return org.followthrough.output.OutputFolder.repositoryRoot(content.toRealPath()).filter(folder::startsWith);
            } catch (java.io.IOException e) {
                return java.util.Optional.empty();
            }
        }

        /**
         * Why the workbook may not be written at {@code file}, or null: its folder must exist (a mistyped path makes no
         * folders), and lie outside the content folder, where the workbook would be read as content and committed with it.
         */
        static String whereNotToWrite(Path file, Path content) {
            Path folder = file.toAbsolutePath().normalize().getParent();
            if (!java.nio.file.Files.isDirectory(folder)) {
                return "there is no folder " + folder + "; nothing was written — create the folder first, or give another path";
            }
            try {
                Path realFolder = folder.toRealPath();
                if (java.nio.file.Files.isDirectory(content) && realFolder.startsWith(content.toRealPath())) {
                    return "this is inside the content folder " + content + ", where check would read the workbook and Git would keep it"
                            + " with the plans; nothing was written — write it outside the content folder";
                }
            } catch (java.io.IOException e) {
                return "cannot tell where " + folder + " is (" + e.getMessage() + "); nothing was written — give another path";
            }
            return null;
        }
    }
}
