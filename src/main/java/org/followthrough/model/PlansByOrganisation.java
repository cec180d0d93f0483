package org.followthrough.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which plans name each organisation (in any part: among the plan's organisations, as its commissioner or
 * investigator, as the lead or overseer of a recommendation, or as an owner of one of its actions; see
 * {@link Plan#organisationIds}), in the archive's order, and which organisations own actions: worked out in
 * one pass over the archive, so that no organisation's page scans every plan.
 */
public final class PlansByOrganisation {

    private final Map<String, List<Plan>> plans = new HashMap<>();
    private final Set<String> owners = new HashSet<>();

    private PlansByOrganisation() {
    }

    public static PlansByOrganisation of(Archive archive) {
        PlansByOrganisation index = new PlansByOrganisation();
        for (Plan plan : archive.plans()) {
            plan.actions().forEach(a -> a.owners().forEach(o -> index.owners.add(o.organisationId())));
            plan.organisationIds().forEach(id -> index.plans.computeIfAbsent(id, k -> new ArrayList<>()).add(plan));
        }
        return index;
    }

    /** The plans that name the organisation, in the archive's order; none when no plan does. */
    public List<Plan> naming(String organisationId) {
        return plans.getOrDefault(organisationId, List.of());
    }

    /** How many organisations some plan names. */
    public int namedCount() {
        return plans.size();
    }

    /** Whether the organisation owns an action of some plan. */
    public boolean ownsActions(String organisationId) {
        return owners.contains(organisationId);
    }

    /** The plans naming each organisation, by organisation id. */
    public Map<String, List<Plan>> byOrganisation() {
        return java.util.Collections.unmodifiableMap(plans);
    }
}
