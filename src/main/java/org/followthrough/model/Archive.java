package org.followthrough.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a build publishes: the site, its organisations and plans, as at one date; and, for an
 * organisation's own site, the {@link Scope} it was cut from (null for the partnership's site).
 */
public record Archive(Site site, LocalDate asOf, List<Organisation> organisations, List<Plan> plans, Scope scope) {

    public Archive {
        organisations = List.copyOf(organisations);
        plans = List.copyOf(plans);
    }

    public Archive(Site site, LocalDate asOf, List<Organisation> organisations, List<Plan> plans) {
        this(site, asOf, organisations, plans, null);
    }

    /** The same archive with only these plans: what an organisation's downloads need, without scanning every plan. */
    public Archive withPlans(List<Plan> newPlans) {
        return new Archive(site, asOf, organisations, newPlans, scope);
    }

    public Archive withSite(Site newSite) {
        return new Archive(newSite, asOf, organisations, plans, scope);
    }

    /** Whether the site has a page of its own for an organisation: every one, except in an organisation's own site. */
    public boolean hasPageFor(String organisationId) {
        return scope == null || scope.organisationId().equals(organisationId);
    }

    public Map<String, Organisation> organisationsById() {
        ById last = lastById;
        if (last.organisations() != organisations) {
            last = new ById(organisations, organisations.stream().collect(Collectors.toUnmodifiableMap(Organisation::id, Function.identity())));
            lastById = last;
        }
        return last.byId();
    }

    /** An archive's organisations by id, worked out from that list of them. */
    private record ById(List<Organisation> organisations, Map<String, Organisation> byId) {
    }

    /**
     * The organisations by id of the last archive asked (by its very list): every feed, calendar and download of a build asks,
     * thousands at 1,000 plans, and the map was made afresh each time.
     */
    private static volatile ById lastById = new ById(List.of(), Map.of());

    public Optional<Organisation> organisation(String id) {
        return organisations.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
