package org.followthrough.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The site's own templates folder: {@code build} renders with it, and {@code check} reads it the same way, so they agree. */
final class TemplatesOption {

    static final Path DEFAULT = Path.of("templates");

    @Option(names = "--templates", paramLabel = "DIR",
            description = "The site's own templates; any file here replaces the built-in one of the same name (default: templates, where there is such a folder).")
    Path given;

    /** The command this option belongs to, for usage errors: they show its own usage. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The folder: the one given, or {@code templates} (the built-in templates are used where it is not there). One given
     * that is a file is refused; one given that does not exist is used as it is (serve reads it once it is made), with a
     * note on standard error, so that a mistyped name does not publish with the built-in templates without a word.
     */
    Path templates(Main main) {
        if (given == null) {
            return DEFAULT;
        }
        if (Files.exists(given) && !Files.isDirectory(given)) {
            throw new ParameterException(command.commandLine(), "--templates " + given
                    + ": is a file, not a folder; give the folder of the site's own templates, or leave --templates out");
        }
        if (!Files.exists(given)) {
            main.spec.commandLine().getErr().println("note: --templates " + given + ": there is no such folder, so the built-in templates are used");
        }
        return given;
    }
}
