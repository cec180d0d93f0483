package org.followthrough.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.format.ContentFormat;
import org.followthrough.model.OrganisationType;
import org.followthrough.scaffold.StarterRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a content repository for one body or partnership.",
                "It holds content/ with the site, the body and an example plan, the schemas and editor settings, a .gitignore,",
                "a README for editors, and CI files for GitHub and GitLab.",
                "check and build work in it at once, run from its root with no options."})
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    /** This command, for usage errors: they show its own usage, not the top-level command's. */
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", defaultValue = ".", description = "A new or empty folder (default: the current folder).")
    Path folder;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "Example organisation",
            description = "The body's or partnership's full name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--id", paramLabel = "ID", description = "Its id, the name of its file in content/organisations/ (default: made from the name).")
    String id;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "other",
            description = "What kind of organisation it is (default: ${DEFAULT-VALUE}): ${COMPLETION-CANDIDATES}.", completionCandidates = Types.class)
    String type;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "https://example.org/action-plans/",
            description = "The address the site will be published at, ending in / (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    /** The organisation types, for the help text. */
    static final class Types implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(OrganisationType.values()).map(OrganisationType::code).iterator();
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        String organisation = id != null ? id : org.followthrough.format.ContentFormat.idFrom(name);
        if (name.isBlank() || name.contains("\n")) {
            throw usage("--name must be a name on one line");
        }
        if (!ContentFormat.ID.matches(organisation)) {
            throw usage("'" + organisation + "' cannot be an id: use lower-case letters, digits and hyphens (give one with --id)");
        }
        if (Arrays.stream(OrganisationType.values()).noneMatch(t -> t.code().equals(type))) {
            throw usage("--type must be one of " + String.join(", ", (Iterable<String>) new Types()));
        }
        if (!baseUrl.matches("https?://\\S+/")) {
            throw usage("--base-url must be an http:// or https:// address ending in /, not '" + baseUrl + "'");
        }
        Optional<String> refusal = StarterRepository.refusal(folder);
        if (refusal.isPresent()) {
            err.println(refusal.get());
            return 3;
        }
        List<String> written;
        try {
            LocalDate today = LocalDate.now(main.clock.withZone(ZoneId.of("Europe/London")));
            written = StarterRepository.write(folder, new StarterRepository.Body(organisation, name, type, baseUrl), Main.Version.release(), today);
        } catch (IOException e) {
            err.println(folder + ": could not write the repository: " + e.getMessage());
            return 3;
        }
        // The starter content must pass check as it is; an id the site cannot use (a folder's name) shows here.
        Path content = folder.resolve("content");
        BuildResult checked = Pipeline.check(new BuildRequest(content, null, null, null, null, main.clock));
        int code = Reports.reportCheck(checked, content.toString(), ProblemFormat.TEXT, out, err);
        if (code != Main.OK) {
            return code;
        }
        out.printf(java.util.Locale.ROOT, "Wrote a content repository for %s in %s (%d files).%n", name, folder, written.size());
        String cd = folder.equals(Path.of(".")) ? "" : "cd " + folder + " && ";
        out.printf(java.util.Locale.ROOT, "Next: %sfollowthrough check, then followthrough new plan ID; see README.md.%n", cd);
        return Main.OK;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
