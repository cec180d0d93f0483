package org.followthrough.cli;

import java.nio.file.Path;
import org.followthrough.guard.ProtectedNames;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The list of names that must never be published, for {@code check} and {@code build} alike: given
 * as an option, or named by an environment variable so that a CI job can keep it out of the repository.
 */
final class ProtectedNamesOption {

    static final String ENVIRONMENT_VARIABLE = "FOLLOWTHROUGH_PROTECTED_NAMES";

    @Option(names = "--protected-names", paramLabel = "FILE",
            description = {"Names and phrases that must never be published, one a line: anything that would publish one is refused,",
                    "and messages name each only by its line (default: the file named by " + ENVIRONMENT_VARIABLE + ", if set)."})
    Path file;

    /** The command this option belongs to, for usage errors: they show its own usage. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The list the command line or the environment names, read; no list when neither does. */
    ProtectedNames read(Main main) {
        Path list = file;
        String source = "--protected-names";
        if (list == null) {
            String named = main.environment.apply(ENVIRONMENT_VARIABLE);
            if (named == null || named.isBlank()) {
                return ProtectedNames.NONE;
            }
            list = Path.of(named);
            source = ENVIRONMENT_VARIABLE;
        }
        try {
            return ProtectedNames.read(list);
        } catch (ProtectedNames.Unreadable e) {
            throw new ParameterException(command.commandLine(), source + ": " + e.getMessage());
        }
    }
}
