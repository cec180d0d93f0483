package org.followthrough.history;

import java.time.Instant;
import java.util.Map;

/**
 * What the content's Git repository tells about each plan's changes: read once per build, before
 * rendering, so that every plan page is made from the same reading.
 *
 * @param status         whether there was a history to read, and what became of reading it
 * @param shortenedFrom  in a shallow clone, the time of the earliest commit it holds (changes before it are not known); else null
 * @param plans          each plan's changes by plan id; a plan with none recorded may be missing
 * @param source         what it was read from besides the commits themselves (see {@link GitHistory#state}), as text;
 *                       {@link #NO_REPOSITORY_SOURCE} where there was none, null where nothing was read
 */
public record ChangeHistory(Status status, Instant shortenedFrom, Map<String, PlanChanges> plans, String source) {

    /** The source of a history of content that is in no repository: the same whether it is read or only looked up. */
    public static final String NO_REPOSITORY_SOURCE = "no repository";

    public ChangeHistory {
        plans = Map.copyOf(plans);
    }

    /** What a build can know about the content's changes. */
    public enum Status {
        /** The build was asked not to read the history ({@code change_history: none} or {@code --no-history}). */
        NOT_READ,
        /** The content folder is not in a Git repository. */
        NO_REPOSITORY,
        /** The content is in a Git repository whose branch has no commits yet. */
        NO_COMMITS,
        /** The repository could not be read (damaged, or a layout this reader does not know). */
        UNREADABLE,
        /** The history was read. */
        RECORDED
    }

    /** No history, for a build that did not read one or could not. */
    public static ChangeHistory none(Status status) {
        return new ChangeHistory(status, null, Map.of(), status == Status.NO_REPOSITORY ? NO_REPOSITORY_SOURCE : null);
    }

    /**
     * The history as a site as at the end of {@code day} in {@code zone} knows it, as its statuses know only the updates
     * dated by then: the commits made after that day are left out, and so are changes not yet committed, unless that day
     * is {@code today} or later. A shallow clone holding no commit of that day or before knows nothing of it: none is read.
     */
    public ChangeHistory asAt(java.time.LocalDate day, java.time.ZoneId zone, java.time.LocalDate today) {
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (shortenedFrom != null && !shortenedFrom.isBefore(end)) {
            // a shallow clone whose earliest commit is after that day: nothing is known of the history as it stood then
            return none(Status.NOT_READ);
        }
        boolean current = !day.isBefore(today);
        Map<String, PlanChanges> known = new java.util.HashMap<>();
        plans.forEach((id, changes) -> {
            java.util.List<Commit> commits = changes.commits().stream().filter(c -> c.time().isBefore(end)).toList();
            if (!commits.isEmpty() || current && changes.uncommitted()) {
                known.put(id, new PlanChanges(commits, current && changes.uncommitted()));
            }
        });
        return new ChangeHistory(status, shortenedFrom, known, source);
    }

    /** One plan's changes, none recorded if the history holds no commit touching its folder. */
    public PlanChanges of(String planId) {
        return plans.getOrDefault(planId, PlanChanges.NONE);
    }

    /**
     * One plan's changes across the renames of its folder: those under its id and under each id it had before
     * ({@code formerIds}), newest first, a commit that renamed the folder (and so changed both) once.
     */
    public PlanChanges of(String planId, java.util.List<String> formerIds) {
        if (formerIds.isEmpty()) {
            return of(planId);
        }
        Map<String, Commit> commits = new java.util.LinkedHashMap<>();
        boolean uncommitted = false;
        for (String id : java.util.stream.Stream.concat(java.util.stream.Stream.of(planId), formerIds.stream()).toList()) {
            PlanChanges changes = of(id);
            uncommitted |= changes.uncommitted();
            changes.commits().forEach(commit -> commits.putIfAbsent(commit.id(), commit));
        }
        java.util.List<Commit> newestFirst = new java.util.ArrayList<>(commits.values());
        newestFirst.sort(java.util.Comparator.comparing(Commit::time).reversed());
        return new PlanChanges(newestFirst, uncommitted);
    }
}
