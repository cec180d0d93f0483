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
 */
public record BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock,
                           String organisation, boolean allOrganisations) {

    public BuildRequest(Path content, Path templates, Path output, LocalDate asOf, String baseUrl, Clock clock) {
        this(content, templates, output, asOf, baseUrl, clock, null, false);
    }
}
