package org.followthrough.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.followthrough.problem.Suggestions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The option every command shares. */
final class ContentOptions {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "The content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    /**
     * Refuses an --organisation that names no file in the content's organisations folder, before any content is read: a
     * mistyped id is a wrong command line, told at once, with the ids there are.
     */
    void requireOrganisation(String organisation, CommandSpec spec) {
        Path folder = content.resolve("organisations");
        List<String> ids;
        try (Stream<Path> files = Files.list(folder)) {
            ids = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.startsWith("."))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .sorted().toList();
        } catch (IOException e) {
            return; // no organisations folder: loading the content reports that, with where and what to do
        }
        refuseUnknown("--organisation", "organisation", organisation, ids, folder, spec);
    }

    /** As {@link #requireOrganisation}, for a plan named on the command line: its folder in content/plans/ must hold plan.yaml. */
    void requirePlan(String option, String plan, CommandSpec spec) {
        Path folder = content.resolve("plans");
        List<String> ids;
        try (Stream<Path> folders = Files.list(folder)) {
            ids = folders.filter(f -> Files.isRegularFile(f.resolve("plan.yaml"))).map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return; // no plans folder: loading the content reports that
        }
        refuseUnknown(option, "plan", plan, ids, folder, spec);
    }

    private static void refuseUnknown(String option, String kind, String id, List<String> ids, Path folder, CommandSpec spec) {
        if (!ids.isEmpty() && !ids.contains(id)) {
            String hint = Suggestions.didYouMean(id, ids);
            throw new ParameterException(spec.commandLine(), option + ": there is no " + kind + " '" + id
                    + "' in " + folder + "; " + (hint != null ? hint : "the " + kind + "s are " + String.join(", ", ids)));
        }
    }
}
