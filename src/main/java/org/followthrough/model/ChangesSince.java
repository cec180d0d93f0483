package org.followthrough.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed after a date ({@code since}), up to and including the as-of date, as the content's
 * dated progress history tells it: the period is the days after {@code since}, so the status "before"
 * is the status as at {@code since} (what a build {@code --as-of since} would show).
 *
 * <p>Progress updates are in date order, so an undated update after one dated in the period is in the
 * period too, and one before an update dated on or before {@code since} is not. Undated updates
 * between the two cannot be placed: they are listed in {@code undated}, not taken to fall either side.
 * An action is new when its plan was published (or, with no publication date, started) in the period;
 * for plans with neither date that cannot be told, and they are listed in {@code undatedPlans}.
 *
 * @param newActions     actions whose plan was published in the period, by that date
 * @param statusChanges  actions that existed before the period whose status changed in it, each with every change
 * @param updates        progress updates in the period, by date
 * @param passedTargets  targets whose last day fell in the period before the as-of date, so that they passed in it, by that day
 * @param undated        undated progress updates that may or may not fall in the period
 * @param undatedPlans   plans with neither a publication nor a start date, whose actions may or may not be new
 */
public record ChangesSince(LocalDate since, LocalDate asOf, List<NewAction> newActions, List<StatusChange> statusChanges,
                           List<Update> updates, List<PassedTarget> passedTargets, List<Undated> undated,
                           List<Plan> undatedPlans) {

    public ChangesSince {
        newActions = List.copyOf(newActions);
        statusChanges = List.copyOf(statusChanges);
        updates = List.copyOf(updates);
        passedTargets = List.copyOf(passedTargets);
        undated = List.copyOf(undated);
        undatedPlans = List.copyOf(undatedPlans);
    }

    /** An action whose plan was published ({@code on}) in the period. */
    public record NewAction(Timeline.Item item, LocalDate on) {
    }

    /**
     * One change of status in the period: the update that made it, and its date or, for an undated update,
     * the date of the update dated in the period before it.
     */
    public record Step(ProgressUpdate update, LocalDate after, ScaleEntry from, ScaleEntry to) {
    }

    /**
     * An action's status changes in the period: {@code before} is its status as at the start (null when
     * none was published), {@code beforeSince} the date of the update it held from (null when not known).
     */
    public record StatusChange(Timeline.Item item, ScaleEntry before, LocalDate beforeSince, List<Step> steps) {

        public StatusChange {
            steps = List.copyOf(steps);
        }

        public ScaleEntry after() {
            return steps.get(steps.size() - 1).to();
        }

        /** Not done before the period and done (completed, embedded or closed) at its end. */
        public boolean finished() {
            return !isDone(before) && isDone(after());
        }

        LocalDate lastDate() {
            return steps.get(steps.size() - 1).after();
        }
    }

    /** A progress update in the period; {@code after} is the date of the dated update before an undated one. */
    public record Update(Timeline.Item item, HistoryEntry entry, LocalDate after) {
    }

    /** A target whose last day ({@code deadline}) fell in the period, so that it passed in it. */
    public record PassedTarget(Timeline.Item item, LocalDate deadline) {

        /** Reported done on a date no later than the target's last day. */
        public boolean met() {
            LocalDate completed = item.action().state().completedOn();
            return completed != null && !completed.isAfter(deadline);
        }
    }

    /** An undated progress update that may or may not fall in the period. */
    public record Undated(Timeline.Item item, HistoryEntry entry) {
    }

    /** Whether anything is known to have changed in the period. */
    public boolean isEmpty() {
        return newActions.isEmpty() && statusChanges.isEmpty() && updates.isEmpty() && passedTargets.isEmpty();
    }

    /** The changes of the whole archive, and of the actions each organisation owns, worked out in one pass. */
    public record Index(ChangesSince all, Map<String, ChangesSince> byOrganisation) {

        /** The changes to the actions an organisation owns (none when it owns none). */
        public ChangesSince of(String organisationId) {
            ChangesSince own = byOrganisation.get(organisationId);
            return own != null ? own : new Lists().changes(all.since(), all.asOf());
        }
    }

    public static ChangesSince of(Archive archive, LocalDate since) {
        return index(archive, since).all();
    }

    public static Index index(Archive archive, LocalDate since) {
        if (since.isAfter(archive.asOf())) {
            throw new IllegalArgumentException("the period starts after the as-of date: " + since + " > " + archive.asOf());
        }
        Lists all = new Lists();
        Map<String, Lists> owned = new HashMap<>();
        for (Plan plan : archive.plans()) {
            LocalDate appeared = plan.published() != null ? plan.published() : plan.start();
            boolean isNew = appeared != null && appeared.isAfter(since) && !appeared.isAfter(archive.asOf());
            for (Action action : plan.actions().toList()) {
                Timeline.Item item = new Timeline.Item(plan, action);
                Lists found = new Lists();
                find(item, since, archive.asOf(), isNew ? appeared : null, found);
                if (appeared == null) {
                    found.undatedPlans.add(plan);
                }
                all.add(found);
                Set<String> owners = new LinkedHashSet<>();
                action.owners().forEach(o -> owners.add(o.organisationId()));
                owners.forEach(id -> owned.computeIfAbsent(id, k -> new Lists()).add(found));
            }
        }
        Map<String, ChangesSince> byOrganisation = new HashMap<>();
        owned.forEach((id, lists) -> byOrganisation.put(id, lists.changes(since, archive.asOf())));
        return new Index(all.changes(since, archive.asOf()), Map.copyOf(byOrganisation));
    }

    /** What one action contributes; {@code newOn} is its plan's publication date when that fell in the period. */
    private static void find(Timeline.Item item, LocalDate since, LocalDate asOf, LocalDate newOn, Lists found) {
        Action action = item.action();
        List<HistoryEntry> history = action.state().history();
        int first = history.size();
        int lastBefore = -1;
        for (int i = 0; i < history.size(); i++) {
            LocalDate date = history.get(i).update().date();
            if (date != null && date.isAfter(since)) {
                first = i;
                break;
            }
            if (date != null) {
                lastBefore = i;
            }
        }
        if (newOn != null) {
            found.newActions.add(new NewAction(item, newOn));
        } else {
            for (int i = lastBefore + 1; i < first; i++) {
                found.undated.add(new Undated(item, history.get(i)));
            }
        }
        List<Step> steps = new ArrayList<>();
        LocalDate after = null;
        for (int i = first; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            after = entry.update().date() != null ? entry.update().date() : after;
            found.updates.add(new Update(item, entry, after));
            for (Change change : entry.changes()) {
                if (change.scale().equals("Status")) {
                    steps.add(new Step(entry.update(), after, change.from(), change.to()));
                }
            }
        }
        if (newOn == null && !steps.isEmpty()) {
            found.statusChanges.add(new StatusChange(item, steps.get(0).from(), since(history.subList(0, first)), steps));
        }
        LocalDate deadline = action.target() == null || action.target().date() == null ? null : action.target().date().deadline();
        if (deadline != null && !deadline.isBefore(since) && deadline.isBefore(asOf)) {
            found.passedTargets.add(new PassedTarget(item, deadline));
        }
    }

    /**
     * The date of the update from which the status at the end of these updates has held, by the rule of an action's
     * own page: the update that first gave its stage (another word for the same stage does not move it, and a dated
     * update repeating a stage given without a date does not date it); null where that update is undated.
     */
    private static LocalDate since(List<HistoryEntry> entries) {
        LocalDate since = null;
        for (HistoryEntry entry : entries) {
            for (Change change : entry.changes()) {
                if (change.scale().equals("Status") && (change.from() == null || change.from().lifecycle() != change.to().lifecycle())) {
                    since = entry.update().date();
                }
            }
        }
        return since;
    }

    private static boolean isDone(ScaleEntry status) {
        return status != null && status.lifecycle().isDone();
    }

    /** The changes found so far, in archive order until {@link #changes} sorts them by date. */
    private static final class Lists {
        final List<NewAction> newActions = new ArrayList<>();
        final List<StatusChange> statusChanges = new ArrayList<>();
        final List<Update> updates = new ArrayList<>();
        final List<PassedTarget> passedTargets = new ArrayList<>();
        final List<Undated> undated = new ArrayList<>();
        final Set<Plan> undatedPlans = new LinkedHashSet<>();

        void add(Lists other) {
            newActions.addAll(other.newActions);
            statusChanges.addAll(other.statusChanges);
            updates.addAll(other.updates);
            passedTargets.addAll(other.passedTargets);
            undated.addAll(other.undated);
            undatedPlans.addAll(other.undatedPlans);
        }

        /** Sorted by date; the sorts are stable, so changes on the same day stay in the order of the plans and their actions. */
        ChangesSince changes(LocalDate since, LocalDate asOf) {
            newActions.sort(Comparator.comparing(NewAction::on));
            statusChanges.sort(Comparator.comparing(StatusChange::lastDate));
            updates.sort(Comparator.comparing(Update::after));
            passedTargets.sort(Comparator.comparing(PassedTarget::deadline));
            return new ChangesSince(since, asOf, newActions, statusChanges, updates, passedTargets, undated, List.copyOf(undatedPlans));
        }
    }
}
