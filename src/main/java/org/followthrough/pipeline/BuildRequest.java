package org.followthrough.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.followthrough.guard.ProtectedNames;

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
 * @param protectedNames    names that must never be published: a build that would publish one fails
 * @param snapshot          also publish a snapshot of the site as at the as-of date ({@code build --snapshot})
 * @param since             also publish what changed after this date, up to the as-of date ({@code build --since}), or null
 * @param history           whether to read the plans' change history from the content's Git repository
 *                          ({@code build} does unless given {@code --no-history}; the shorter constructors do not)
 */
public record BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock,
                           String organisation, boolean allOrganisations, Path cache, boolean pdfs,
                           ProtectedNames protectedNames, boolean snapshot, LocalDate since, boolean history) {

    public BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock,
                        String organisation, boolean allOrganisations, Path cache, boolean pdfs,
                        ProtectedNames protectedNames, boolean snapshot, LocalDate since) {
        this(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, pdfs, protectedNames, snapshot,
                since, false);
    }

    public BuildRequest {
        protectedNames = protectedNames == null ? ProtectedNames.NONE : protectedNames;
    }

    public BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock) {
        this(content, templates, output, asOf, baseUrl, clock, null, false);
    }

    public BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock,
                        String organisation, boolean allOrganisations) {
        this(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, null, true, ProtectedNames.NONE, false, null);
    }

    /** The same request, keeping made files in (and taking unchanged ones from) a cache folder. */
    public BuildRequest withCache(Path folder) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, folder, pdfs,
                protectedNames, snapshot, since, history);
    }

    /** The same request, with or without the PDF summaries. */
    public BuildRequest withPdfs(boolean makePdfs) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, makePdfs,
                protectedNames, snapshot, since, history);
    }

    /** The same request, refusing to publish any of these names. */
    public BuildRequest withProtectedNames(ProtectedNames names) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, pdfs,
                names, snapshot, since, history);
    }

    /** The same request, with or without a snapshot of the site as at the as-of date. */
    public BuildRequest withSnapshot(boolean makeSnapshot) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, pdfs,
                protectedNames, makeSnapshot, since, history);
    }

    /** The same request, publishing what changed after {@code date} (or not, when null). */
    public BuildRequest withSince(LocalDate date) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, pdfs,
                protectedNames, snapshot, date, history);
    }

    /** The same request, reading the plans' change history from Git or not. */
    public BuildRequest withHistory(boolean readHistory) {
        return new BuildRequest(content, templates, output, asOf, baseUrl, clock, organisation, allOrganisations, cache, pdfs,
                protectedNames, snapshot, since, readHistory);
    }
}
