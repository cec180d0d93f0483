package org.followthrough.cli;

import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What {@code build} and {@code check} are told of the sites a build makes besides the site itself ({@code --organisation},
 * {@code --all-organisations}, {@code --since}), refused alike by both where it cannot be: {@code check} makes the pages
 * as {@code build} makes them with the same options, so that what one refuses the other tells first.
 */
final class SiteScope {

    private SiteScope() {
    }

    /**
     * Refuses (as a wrong command line) both organisation options at once, a --since after the as-of date, and an
     * organisation there is no file for.
     */
    static void refuseWrong(CommandSpec spec, ContentOptions options, String organisation, boolean allOrganisations, LocalDate since,
                            LocalDate asOf, Clock clock) {
        if (organisation != null && allOrganisations) {
            throw new ParameterException(spec.commandLine(), "give either --organisation ID or --all-organisations, not both");
        }
        if (since != null) {
            refuseSinceAfterAsOf(spec, since, asOf, clock);
        }
        if (organisation != null) {
            options.requireOrganisation(organisation, spec);
        }
    }

    /**
     * Refuses a --since after the as-of date. Without --as-of, "today" is taken in the site's time zone,
     * which is only known once the content is read: a date after today in every time zone is refused
     * here, and the build itself refuses the rare one that is after today only in the site's.
     */
    private static void refuseSinceAfterAsOf(CommandSpec spec, LocalDate since, LocalDate asOf, Clock clock) {
        LocalDate latest = asOf != null ? asOf : LocalDate.now(clock.withZone(java.time.ZoneOffset.MAX));
        if (since.isAfter(latest)) {
            throw new ParameterException(spec.commandLine(), "--since " + since + " is after "
                    + (asOf != null ? "the as-of date " + asOf : "today") + "; the changes are those after --since, up to "
                    + (asOf != null ? "--as-of" : "today") + ", so give an earlier date");
        }
    }
}
