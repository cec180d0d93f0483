package org.followthrough.model;

/** Who owns an action: an organisation, and where published a role and a named person. */
public record Owner(String organisationId, String role, String name) {
}
