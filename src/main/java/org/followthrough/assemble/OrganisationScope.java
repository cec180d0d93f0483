package org.followthrough.assemble;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.followthrough.model.Archive;
import org.followthrough.model.Markdown;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.Scope;
import org.followthrough.model.Site;

/**
 * Cuts one organisation's part out of an archive, for the site it publishes itself: the plans in
 * which it owns actions, and in each only the recommendations it has actions under, with the
 * recommendation's text and the plan's details as context. Nothing owned by another body remains;
 * shared actions keep every owner's name. The text of what remains is the partnership's own, so
 * every organisation's site says the same thing about the same action.
 */
public final class OrganisationScope {

    private OrganisationScope() {
    }

    public static List<Organisation> owners(Archive archive) {
        java.util.Set<String> owning = new java.util.HashSet<>();
        archive.plans().forEach(p -> p.actions().forEach(a -> a.owners().forEach(o -> owning.add(o.organisationId()))));
        return archive.organisations().stream().filter(o -> owning.contains(o.id())).toList();
    }

    /** The organisation's own site's address: its own base URL if set, else a folder named after it under the partnership's. */
    public static String defaultBaseUrl(Archive archive, Organisation organisation) {
        return archive.site().baseUrl() + organisation.id() + "/";
    }

    /**
     * @param baseUrl the organisation's site's address, or null for its own base URL (or the default)
     */
    public static Archive scope(Archive archive, Organisation organisation, String baseUrl) {
        List<Plan> plans = new ArrayList<>();
        Set<String> mentioned = new LinkedHashSet<>();
        mentioned.add(organisation.id());
        for (Plan plan : archive.plans()) {
            Plan part = plan.partOf(organisation.id());
            if (part.recommendations().isEmpty()) {
                continue;
            }
            mentioned.addAll(part.organisationIds());
            plans.add(part);
        }
        Site partnership = archive.site();
        String url = baseUrl != null ? (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
                : organisation.baseUrl() != null ? organisation.baseUrl() : defaultBaseUrl(archive, organisation);
        Site site = partnership.forOrganisation(
                organisation.name() + ": action plans",
                organisation.name(),
                url,
                new Markdown("The actions " + organisation.name() + " owns in action plans it shares with its partners, "
                        + "with the progress reported on each."),
                organisation.brandColour() != null ? organisation.brandColour() : partnership.brandColour());
        List<Organisation> organisations = archive.organisations().stream().filter(o -> mentioned.contains(o.id())).toList();
        // only the themes something of its own comes under (its part of a plan names): the rest would each be listed, and have a
        // page, saying nothing does
        Set<String> named = new java.util.HashSet<>();
        for (Plan part : plans) {
            for (org.followthrough.model.Recommendation r : part.recommendations()) {
                named.addAll(r.themes());
                r.actions().forEach(a -> named.addAll(a.themes()));
            }
        }
        return new Archive(site.withThemes(theme -> named.contains(theme.id())), archive.asOf(), organisations, plans,
                new Scope(organisation.id(), partnership.title(), partnership.publisher(), partnership.baseUrl()));
    }
}
