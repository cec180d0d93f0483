package org.followthrough.model;

import java.util.List;

/**
 * Who owns an action: an organisation, and where published the roles and a named person. A plan
 * often gives one owner several roles in the same organisation ("SI Leads; Head of Patient Safety").
 */
public record Owner(String organisationId, List<String> roles, String name) {

    public Owner {
        roles = List.copyOf(roles);
    }

    /** The roles as one text, separated by semicolons as plans print them; null where the plan names none. */
    public String role() {
        return roles.isEmpty() ? null : String.join("; ", roles);
    }
}
