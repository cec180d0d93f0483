package org.followthrough.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.cache.BuildCache;
import org.followthrough.format.ContentFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validate the content and publish the site.",
                "The site is written to a staging folder and put in place only when the whole build succeeds: a whole new site swapped in, or, when most files are kept, the new files moved in."})
final class BuildCommand implements Callable<Integer> {

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

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site", description = {"Where to publish the site (default: ${DEFAULT-VALUE}): a new or empty folder, or a site a build published there before.",
                    "Each build replaces the whole folder, so it refuses (exit 3) the content or templates folder, a Git repository, and any folder holding files it did not publish."})
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

    @Option(names = "--no-pdf", negatable = false,
            description = "Leave out the PDF summaries, for quick previews and checks; each page says its PDF was not built.")
    boolean noPdf;

    @Option(names = "--no-history", negatable = false,
            description = {"Do not read the content's Git history: plan pages then say nothing of when they last changed.",
                    "For quick previews of content with a very long history; the published site should be built with it."})
    boolean noHistory;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = BuildCache.DEFAULT_FOLDER,
            description = {"Keep the files each build makes here, and take unchanged ones from here instead of making them again "
                    + "(default: ${DEFAULT-VALUE}). Safe to delete; bounded in size; keep it out of Git."})
    Path cache;

    @Option(names = "--no-cache", negatable = false, description = "Make every file afresh, neither reading nor writing the cache.")
    boolean noCache;

    @Option(names = "--snapshot", negatable = false,
            description = {"Also publish a snapshot of the site as at the as-of date in snapshots/YYYY-MM-DD/, listed on snapshots/.",
                    "Every build keeps the snapshots already published as they are; one already published for the date is kept, not made again."})
    boolean snapshot;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD",
            description = {"Also publish what changed after this date, up to the as-of date, on changes/ (and each organisation's on its page):",
                    "statuses changed, progress updates, new and finished actions, targets passed; as a page and as CSV."})
    LocalDate since;

    @Option(names = "--all-organisations",
            description = "Also build every organisation's own site, each in a folder of the output named after the organisation.")
    boolean allOrganisations;

    @Override
    public Integer call() {
        if (out.toString().isBlank() || cache != null && cache.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), (out.toString().isBlank() ? "--out" : "--cache") + " is empty: give it a folder");
        }
        SiteScope.refuseWrong(spec, options, organisation, allOrganisations, since, asOf, main.clock);
        if (snapshot && noPdf) {
            throw new ParameterException(spec.commandLine(),
                    "give either --snapshot or --no-pdf, not both: a snapshot is never made again, so it is made with its PDF summaries");
        }
        if (baseUrl != null && !ContentFormat.FOLDER_ADDRESS.matches(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")) {
            throw new ParameterException(spec.commandLine(),
                    "--base-url must be an http:// or https:// address with a host name, with a space or any other special character "
                            + "written as %XX (a space as %20), not '" + baseUrl + "'");
        }
        long started = System.nanoTime();
        BuildRequest request = new BuildRequest(options.content, templates.templates(main), out, asOf, baseUrl, main.clock, organisation,
                allOrganisations).withCache(noCache ? null : cache).withPdfs(!noPdf).withProtectedNames(protectedNames.read(main))
                .withSnapshot(snapshot).withSince(since).withHistory(!noHistory);
        BuildResult result;
        try (ProgressLine progress = ProgressLine.on(main.spec.commandLine().getErr(), System.console() != null)) {
            result = Pipeline.build(request, progress);
        }
        int code = Reports.reportBuild(result, out.toString(), main.spec.commandLine().getErr());
        if (code == Main.OK) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            String noPdfs = noPdf ? ", without PDFs" : "";
            if (result.unchangedAsOf() != null) {
                main.spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Nothing had changed since the last build: the %d files published to %s (as at %s%s)"
                        + " were left as they were, in %s.%n", result.filesWritten(), out, result.asOf(), noPdfs, ProgressLine.seconds(millis));
            } else {
                main.spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Published %d files to %s (as at %s)%s in %s%s.%n", result.filesWritten(), out,
                        result.asOf(), noCache ? "" : ", " + result.filesFromCache() + " of them from the cache",
                        ProgressLine.seconds(millis), noPdfs);
            }
        }
        return code;
    }
}
