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

    /**
     * The roles as one text, as plans print several: separated by semicolons, or by a space after a role
     * that ends its own sentence ("Deputy Director of Nursing and Practice. Service Manager"); null where
     * the plan names none.
     */
    public String role() {
        if (roles.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(roles.get(0));
        for (int i = 1; i < roles.size(); i++) {
            String before = roles.get(i - 1).strip();
            text.append(before.endsWith(".") || before.endsWith(";") ? " " : "; ").append(roles.get(i));
        }
        return text.toString();
    }
}
