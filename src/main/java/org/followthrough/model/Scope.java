package org.followthrough.model;

/**
 * Set when an archive is one organisation's own part of a partnership's plans: the organisation,
 * and the partnership's site that publishes the plans in full.
 */
public record Scope(String organisationId, String partnershipTitle, String partnershipPublisher, String partnershipBaseUrl) {
}
