package org.followthrough.model;

import java.util.List;

/**
 * An action taken in response to a recommendation, with its progress history and derived state. Its
 * owners, target, extra columns and progress are what hold for it, its recommendation's shared
 * values included; {@code inherited} says which came from the recommendation. {@code themes} are the
 * ids of the site's themes it comes under: its recommendation's and its own, in the order the site
 * lists them.
 */
public record Action(
        String ref,
        Markdown description,
        String section,
        List<Owner> owners,
        Target target,
        Markdown monitoring,
        String frequency,
        Markdown desiredOutcome,
        Markdown successMeasure,
        List<Evidence> evidence,
        ScaleEntry term,
        ScaleEntry status,
        ScaleEntry rag,
        ScaleEntry grade,
        String qualityAssuredBy,
        List<FollowUp> followUps,
        Markdown note,
        List<ProgressUpdate> progress,
        List<ColumnValue> extraColumns,
        Inherited inherited,
        ActionState state,
        List<String> themes) {

    public boolean isOwnedBy(String organisationId) {
        return owners.stream().anyMatch(o -> o.organisationId().equals(organisationId));
    }
}
