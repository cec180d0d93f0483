package org.followthrough.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Load and validate the content, report every problem, and write nothing.",
                "Where the site has templates of its own, or names are protected, every page is made as build makes it and thrown away:"
                        + " give check the --organisation, --all-organisations, --since and --snapshot that build is given."})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    /** This command, for usage errors: they show its own usage, not the top-level command's. */
    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions options;

    @Mixin
    TemplatesOption templates;

    @Mixin
    ProtectedNamesOption protectedNames;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Check progress dates against this date (default: today in the site's time zone).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = {"How to print the problems: text (default; file:line:column: message — hint),",
                    "github (annotations on a pull request's lines), json or sarif (SARIF 2.1.0)."})
    ProblemFormat format;

    @Mixin
    CacheReadOption cache;

    @Option(names = "--organisation", paramLabel = "ID",
            description = "Make the pages as build --organisation ID does: that organisation's own site only.")
    String organisation;

    @Option(names = "--all-organisations", description = "Make the pages as build --all-organisations does: every organisation's own site too.")
    boolean allOrganisations;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Make the pages as build --since does: with the pages of what changed after this date.")
    LocalDate since;

    @Option(names = "--snapshot", negatable = false, description = "Make the pages as build --snapshot does: with a snapshot of the site.")
    boolean snapshot;

    @Option(names = "--out", paramLabel = "DIR", description = "The folder build publishes to, to warn as build does of a plan"
            + " the site there published and the content no longer holds (its folder renamed without former_ids). Only read.")
    Path out;

    @Override
    public Integer call() {
        SiteScope.refuseWrong(spec, options, organisation, allOrganisations, since, asOf, main.clock);
        Path templatesFolder = templates.templates(main);
        BuildResult result = Pipeline.check(new BuildRequest(options.content, templatesFolder, out, asOf, null, main.clock, organisation,
                allOrganisations).withCache(cache.folder()).withProtectedNames(protectedNames.read(main)).withSince(since).withSnapshot(snapshot));
        // the summary names the templates folder too where a problem is in it (a link out of it, a template in error)
        String inTemplates = templatesFolder.toString();
        String where = result.problems().stream().map(p -> p.location().file())
                .anyMatch(file -> file.equals(inTemplates) || file.startsWith(inTemplates + "/") || file.startsWith(inTemplates + java.io.File.separator))
                ? options.content + " and " + templatesFolder : options.content.toString();
        int code = Reports.reportCheck(result, where, format, main.spec.commandLine().getOut(), main.spec.commandLine().getErr());
        if (code == Main.OK && format == ProblemFormat.TEXT) {
            var archive = result.archive();
            boolean warned = !result.problems().isEmpty();
            main.spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%s: %s, %s, %s; %s.%n", options.content,
                    Reports.count(archive.plans().size(), "plan"), Reports.count(archive.organisations().size(), "organisation"),
                    Reports.count(archive.plans().stream().mapToLong(p -> p.actions().count()).sum(), "action"),
                    warned ? "no errors, so it can be published (the warnings above are worth a look)" : "no problems");
        }
        return code;
    }
}
