package org.followthrough.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.followthrough.importing.ProgressImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring progress and plans into the content from the spreadsheets and Word tables they live in.",
        subcommands = {ImportCommand.Progress.class})
final class ImportCommand implements Runnable {

    @ParentCommand
    Main main;

    @Override
    public void run() {
        main.spec.commandLine().getSubcommands().get("import").usage(main.spec.commandLine().getOut());
    }

    @Command(name = "progress", mixinStandardHelpOptions = true,
            description = {"Add each filled row of a progress workbook (written by 'export progress') as a dated progress update",
                    "at the end of its action's list, changing nothing else in the files. Every row is checked first;",
                    "nothing is written unless all are valid. An update already in the content is not added again."})
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
                    out.printf("%s: added the update of %s to action %s%s%n", added.file(), added.date(), added.ref(),
                            added.status() == null ? "" : " (status " + added.status() + ")");
                }
                out.printf("%d %s added%s.%n", result.added().size(), result.added().size() == 1 ? "update" : "updates",
                        result.alreadyThere() == 0 ? "" : "; " + result.alreadyThere() + " already in the content, left out");
            }
            return code;
        }
    }
}
