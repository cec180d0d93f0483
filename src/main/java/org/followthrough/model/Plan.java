package org.followthrough.model;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * An action plan: its details, scales, recommendations and actions, with derived totals.
 * {@code statusDatesNotPublished}: the plan publishes statuses and a date for none of them, so pages
 * say so once for the plan rather than under each status (a fact of the whole plan, kept in an
 * organisation's part of it).
 */
public record Plan(
        String id,
        String title,
        String reference,
        PlanKind kind,
        String kindAsPublished,
        String subject,
        List<String> commissionedBy,
        String commissionedByAsPublished,
        List<String> investigatedBy,
        List<String> organisations,
        LocalDate published,
        LocalDate start,
        Target targetCompletion,
        String dateRange,
        List<String> careUnits,
        Markdown summary,
        List<PlanUpdate> updates,
        SourceDocument source,
        Scales scales,
        List<ExtraColumn> extraColumns,
        List<AddressedRecommendation> addressedWithoutAction,
        List<Recommendation> recommendations,
        Tally tally,
        boolean statusDatesNotPublished) {

    public Stream<Action> actions() {
        return recommendations.stream().flatMap(r -> r.actions().stream());
    }
}
