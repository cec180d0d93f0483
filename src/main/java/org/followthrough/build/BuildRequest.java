package org.followthrough.build;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * What a build is asked to do.
 *
 * @param content           the content folder
 * @param templates         the site's own templates folder (may not exist: the built-in templates are used)
 * @param output            the folder to publish to
 * @param asOf              the date to compute statuses against, or null for today in the site's time zone
 * @param baseUrl           overrides the site's base URL (or, with {@code organisation}, the organisation's site's), or null
 * @param clock             the clock "today" comes from
 * @param organisation      build only this organisation's own site, or null
 * @param allOrganisations  also build every organisation's own site, each in a folder named after it
 * @param cache             the build cache folder, or null to make every file afresh
 * @param pdfs              whether to make the PDF summaries ({@code build --no-pdf} does not)
 * @param history           whether to read the plans' change history from the content's Git repository
 *                          ({@code build} does unless given {@code --no-history}; the shorter constructors do not)
 */
public record BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock,
                           String organisation, boolean allOrganisations, Path cache, boolean pdfs, boolean history) {

    public BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock,
                        String organisation, boolean allOrganisations, Path cache, boolean pdfs) {
        this(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, pdfs, false);
    }

    public BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock) {
        this(content, templates, output, asOf, baseUrl, clock, null, false);
    }

    public BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock,
                        String organisation, boolean allOrganisations) {
        this(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, null, true);
    }

    /** The same request, keeping made files in (and taking unchanged ones from) a cache folder. */
    public BuildRequest withCache(Path folder) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, folder, pdfs, history);
    }

    /** The same request, with or without the PDF summaries. */
    public BuildRequest withPdfs(boolean makePdfs) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, makePdfs, history);
    }

    /** The same request, reading the plans' change history from Git or not. */
    public BuildRequest withHistory(boolean readHistory) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, pdfs, readHistory);
    }
}
