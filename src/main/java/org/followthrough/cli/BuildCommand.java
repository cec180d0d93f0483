package org.followthrough.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.followthrough.build.BuildRequest;
import org.followthrough.build.BuildResult;
import org.followthrough.build.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validate the content and publish the site.",
                "The site is written to a staging folder and swapped into place only when the whole build succeeds."})
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    ContentOptions options;

    @Mixin
    TemplatesOption templates;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site", description = "Where to publish the site (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Compute statuses, overdue and staleness as at this date (default: today in the site's time zone).")
    LocalDate asOf;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Publish for this address instead of the site's base_url, e.g. https://trust.example/learning/action-plans/")
    String baseUrl;

    @Option(names = "--organisation", paramLabel = "ID",
            description = {"Build only this organisation's own site: the plans it owns actions in, its actions, its name, colour and logo.",
                    "Its address is --base-url, else its base_url, else a folder named after it under the site's base URL."})
    String organisation;

    @Option(names = "--all-organisations",
            description = "Also build every organisation's own site, each in a folder of the output named after the organisation.")
    boolean allOrganisations;

    @Override
    public Integer call() {
        if (organisation != null && allOrganisations) {
            throw new picocli.CommandLine.ParameterException(main.spec.commandLine(),
                    "give either --organisation ID or --all-organisations, not both");
        }
        if (baseUrl != null && !baseUrl.matches("https?://\\S+")) {
            throw new picocli.CommandLine.ParameterException(main.spec.commandLine(),
                    "--base-url must be an http:// or https:// address, not '" + baseUrl + "'");
        }
        BuildResult result = Pipeline.build(new BuildRequest(options.content, templates.templates, out, asOf, baseUrl, main.clock,
                organisation, allOrganisations));
        int code = Reports.report(result, main.spec.commandLine().getErr());
        if (code == Main.OK && result.archive() == null) {
            return 3;
        }
        if (code == Main.OK) {
            main.spec.commandLine().getOut().printf("Published %d files to %s (as at %s).%n", result.filesWritten(), out, result.archive().asOf());
        }
        return code;
    }
}
