package org.followthrough.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.followthrough.problem.Problem;
import org.followthrough.scaffold.NewFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Write a new plan, recommendation or progress update, ready to fill in.",
                "Every 'TO FILL IN: …' is a placeholder; check lists those still left, and nothing is published while any is."},
        subcommands = {NewCommand.PlanCommand.class, NewCommand.RecommendationCommand.class, NewCommand.UpdateCommand.class})
final class NewCommand implements Runnable {

    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    int report(NewFiles.Outcome outcome) {
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        for (Problem problem : outcome.problems()) {
            err.println(Reports.line(problem));
        }
        if (!outcome.problems().isEmpty()) {
            err.println("Nothing was written.");
            return Main.CONTENT_PROBLEMS;
        }
        outcome.written().forEach(file -> out.println("Wrote " + file));
        out.println("Fill in every 'TO FILL IN', then run: followthrough check");
        return Main.OK;
    }

    NewFiles files(ContentOptions options) {
        return new NewFiles(options.content, main.clock);
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Write content/plans/ID/ with plan.yaml and its first recommendation.")
    static final class PlanCommand implements Callable<Integer> {
        @ParentCommand
        NewCommand parent;

        @Mixin
        ContentOptions options;

        @Parameters(paramLabel = "ID", description = "The plan's id, its folder's name: lower-case letters, digits and hyphens, e.g. eput-e203623.")
        String id;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            // a wrong command line, as import plan --id tells it, before the content is read
            org.followthrough.importing.plan.PlanImport.idProblem(id).ifPresent(problem -> {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "ID: " + problem.message() + " — " + problem.hint());
            });
            return parent.report(parent.files(options).plan(id));
        }
    }

    @Command(name = "recommendation", mixinStandardHelpOptions = true,
            description = "Write the plan's next recommendation file, numbered one after the highest so far, or as --number says.")
    static final class RecommendationCommand implements Callable<Integer> {
        @ParentCommand
        NewCommand parent;

        @Mixin
        ContentOptions options;

        @Parameters(paramLabel = "PLAN", description = "The plan's id.")
        String plan;

        @picocli.CommandLine.Option(names = "--number", paramLabel = "N",
                description = "The recommendation's number as the plan prints it, where the plan skips numbers (1, 2, 6, 7): a whole"
                        + " number, which also names the file.")
        String number;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (number != null && !number.strip().matches("0*[1-9][0-9]{0,8}")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--number takes a whole number of 1 or more, which"
                        + " also names the file, not '" + number + "'; for a recommendation the plan numbers '" + number + "', give the"
                        + " whole number it comes under (or leave --number out), then write number: \"" + number + "\" in the file");
            }
            return parent.report(parent.files(options).recommendation(plan, number == null ? null : Integer.valueOf(number.strip())));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Add a progress update dated today (in the site's time zone), or on an earlier --date, to an action's"
                    + " progress: at the end, or before any update dated after it.", "The rest of the file is left exactly as it was."})
    static final class UpdateCommand implements Callable<Integer> {
        @ParentCommand
        NewCommand parent;

        @Mixin
        ContentOptions options;

        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan's id.")
        String plan;

        @Parameters(index = "1", paramLabel = "ACTION", description = "The action's ref, e.g. 1.1.")
        String action;

        @picocli.CommandLine.Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "The date the progress was reported, where it was not today (at last month's meeting, say).")
        java.time.LocalDate date;

        @Override
        public Integer call() {
            return parent.report(parent.files(options).update(plan, action, date));
        }
    }
}
