package org.followthrough.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How a set of actions moved over time, as at an as-of date: each action's span from its plan's
 * start to its target and when it was completed, the dates the plans were updated, and the number
 * of open and completed actions at each date something changed.
 */
public record Timeline(LocalDate from, LocalDate to, LocalDate asOf, List<Span> spans, List<Update> updates,
                       List<Point> points) {

    /** A dated update a plan published, on or before the as-of date: in date order, then the plans' ids. */
    public record Update(String planId, LocalDate date) {
    }

    /** The days on which any of the plans published an update, in order, each once. */
    public List<LocalDate> updateDates() {
        return updates.stream().map(Update::date).distinct().toList();
    }

    /** The days on which plan {@code planId} published an update, in order. */
    public List<LocalDate> updateDates(String planId) {
        return updates.stream().filter(u -> u.planId().equals(planId)).map(Update::date).toList();
    }

    /** An action and the plan it belongs to. */
    public record Item(Plan plan, Action action) {
    }

    /**
     * One action's span. {@code start} is its plan's start (or publication) date, unless the plan was
     * published after the action's target or after the progress it reports, when when work started is
     * not known (null); {@code target} the date its target names, as the plan dates it (a month, a day),
     * {@code completedOn} when it was reported done; any may be null.
     */
    public record Span(String planId, String ref, LocalDate start, TargetDate target, LocalDate completedOn,
                       Lifecycle lifecycle, boolean overdue) {
        public boolean done() {
            return lifecycle.isDone();
        }

        /** The last day of the target, which a drawing runs to; null without one. */
        public LocalDate deadline() {
            return target == null ? null : target.deadline();
        }
    }

    /** On {@code date}: actions in existence not yet reported done, and those done. */
    public record Point(LocalDate date, int open, int done) {
    }

    public static Timeline of(List<Item> items, LocalDate asOf) {
        List<Span> spans = new ArrayList<>();
        TreeSet<LocalDate> dates = new TreeSet<>();
        TreeSet<Update> updates = new TreeSet<>(java.util.Comparator.comparing(Update::date).thenComparing(Update::planId));
        for (Item item : items) {
            Plan plan = item.plan();
            Action action = item.action();
            LocalDate start = startOf(plan);
            TargetDate target = action.target() == null ? null : action.target().date();
            LocalDate deadline = target == null ? null : target.deadline();
            LocalDate first = action.progress().stream().map(ProgressUpdate::date).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
            boolean startKnown = start != null && (deadline == null || !start.isAfter(deadline)) && (first == null || !start.isAfter(first));
            spans.add(new Span(plan.id(), action.ref(), startKnown ? start : null, target, action.state().completedOn(),
                    action.state().lifecycle(), action.state().overdue()));
            LocalDate entry = entryOf(plan, action);
            if (entry != null) {
                dates.add(entry);
            }
            for (ProgressUpdate update : action.progress()) {
                if (update.date() != null && update.status() != null) {
                    dates.add(update.date());
                }
            }
            plan.updates().forEach(u -> updates.add(new Update(plan.id(), u.date())));
        }
        updates.forEach(u -> dates.add(u.date()));
        dates.add(asOf);
        // Where no status is dated, how many were done at the plan's start or at an update is not known: only the as-of
        // date's counts are (a plan printed "Complete" beside its actions without saying when).
        boolean anyStatusDated = items.stream().anyMatch(item -> firstReported(item.action()) != null);
        List<Point> points = points(items, anyStatusDated ? dates.headSet(asOf, true) : new TreeSet<>(List.of(asOf)), asOf);
        LocalDate from = dates.first();
        LocalDate to = asOf;
        for (Span span : spans) {
            if (span.deadline() != null && span.deadline().isAfter(to)) {
                to = span.deadline();
            }
            if (span.deadline() != null && span.deadline().isBefore(from)) {
                from = span.deadline();
            }
        }
        List<Update> published = updates.stream().filter(u -> !u.date().isAfter(asOf)).toList();
        return new Timeline(from, to, asOf, List.copyOf(spans), published, List.copyOf(points));
    }

    /** When a plan's actions began: its start date, else its publication date. */
    static LocalDate startOf(Plan plan) {
        return plan.start() != null ? plan.start() : plan.published();
    }

    /** The date of an action's earliest dated status update, in whatever order the plan lists them; null if none. */
    static LocalDate firstReported(Action action) {
        LocalDate first = null;
        for (ProgressUpdate update : action.progress()) {
            if (update.date() != null && update.status() != null && (first == null || update.date().isBefore(first))) {
                first = update.date();
            }
        }
        return first;
    }

    /**
     * When an action starts to count: its plan's start (or publication), or the date of a status the plan reports
     * for it before that (a plan published after the events it describes); null when nothing about it is dated.
     */
    static LocalDate entryOf(Plan plan, Action action) {
        LocalDate start = startOf(plan);
        LocalDate first = firstReported(action);
        if (start == null || (first != null && first.isBefore(start))) {
            return first;
        }
        return start;
    }

    /**
     * The open and done counts on each date, in one pass through time: each action enters at its
     * {@link #entryOf entry} with its status as first published, which carries no date of its own, and takes
     * each dated update's status on its date; on any date the latest-dated status holds, whatever order the
     * plan lists them in (so the cost grows with the actions and updates, not with their product with the
     * dates). On the as-of date each action counts by its derived state.
     */
    private static List<Point> points(List<Item> items, java.util.NavigableSet<LocalDate> dates, LocalDate asOf) {
        record Change(LocalDate date, int order, int item, Lifecycle lifecycle, boolean enters) {
        }
        List<Change> changes = new ArrayList<>();
        Lifecycle[] now = new Lifecycle[items.size()];
        boolean[] present = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Plan plan = items.get(i).plan();
            Action action = items.get(i).action();
            LocalDate start = entryOf(plan, action);
            present[i] = start == null;
            if (start != null) {
                changes.add(new Change(start, 0, i, null, true));
            }
            now[i] = action.status() == null ? Lifecycle.NOT_STATED : action.status().lifecycle();
            int order = 1;
            for (ProgressUpdate update : action.progress()) {
                if (update.date() != null && update.status() != null) {
                    changes.add(new Change(update.date(), order++, i, update.status().lifecycle(), false));
                }
            }
        }
        changes.sort(java.util.Comparator.comparing(Change::date).thenComparingInt(Change::item).thenComparingInt(Change::order));
        int open = 0;
        int done = 0;
        for (int i = 0; i < items.size(); i++) {
            if (present[i]) {
                if (now[i].isDone()) {
                    done++;
                } else {
                    open++;
                }
            }
        }
        List<Point> points = new ArrayList<>();
        int next = 0;
        for (LocalDate date : dates) {
            while (next < changes.size() && !changes.get(next).date().isAfter(date)) {
                Change change = changes.get(next++);
                int i = change.item();
                if (present[i]) {
                    if (now[i].isDone()) {
                        done--;
                    } else {
                        open--;
                    }
                }
                if (change.enters()) {
                    present[i] = true;
                } else {
                    now[i] = change.lifecycle();
                }
                if (present[i]) {
                    if (now[i].isDone()) {
                        done++;
                    } else {
                        open++;
                    }
                }
            }
            if (date.equals(asOf)) {
                int openNow = 0;
                int doneNow = 0;
                for (int i = 0; i < items.size(); i++) {
                    if (present[i]) {
                        if (items.get(i).action().state().lifecycle().isDone()) {
                            doneNow++;
                        } else {
                            openNow++;
                        }
                    }
                }
                points.add(new Point(date, openNow, doneNow));
            } else {
                points.add(new Point(date, open, done));
            }
        }
        return points;
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }
}
