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
public record Timeline(LocalDate from, LocalDate to, LocalDate asOf, List<Span> spans, List<LocalDate> updates,
                       List<Point> points) {

    /** An action and the plan it belongs to. */
    public record Item(Plan plan, Action action) {
    }

    /**
     * One action's span. {@code start} is its plan's start (or publication) date, {@code deadline}
     * the last day of its target, {@code completedOn} when it was reported done; any may be null.
     */
    public record Span(String planId, String ref, LocalDate start, LocalDate deadline, LocalDate completedOn,
                       Lifecycle lifecycle, boolean overdue) {
        public boolean done() {
            return lifecycle.isDone();
        }
    }

    /** On {@code date}: actions in existence not yet reported done, and those done. */
    public record Point(LocalDate date, int open, int done) {
    }

    public static Timeline of(List<Item> items, LocalDate asOf) {
        List<Span> spans = new ArrayList<>();
        TreeSet<LocalDate> dates = new TreeSet<>();
        TreeSet<LocalDate> updates = new TreeSet<>();
        for (Item item : items) {
            Plan plan = item.plan();
            Action action = item.action();
            LocalDate start = startOf(plan);
            LocalDate deadline = action.target() == null || action.target().date() == null ? null : action.target().date().deadline();
            spans.add(new Span(plan.id(), action.ref(), start, deadline, action.state().completedOn(),
                    action.state().lifecycle(), action.state().overdue()));
            if (start != null) {
                dates.add(start);
            }
            for (ProgressUpdate update : action.progress()) {
                if (update.date() != null && update.status() != null) {
                    dates.add(update.date());
                }
            }
            plan.updates().forEach(u -> updates.add(u.date()));
        }
        dates.addAll(updates);
        dates.add(asOf);
        List<Point> points = points(items, dates.headSet(asOf, true), asOf);
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
        return new Timeline(from, to, asOf, List.copyOf(spans), List.copyOf(updates.headSet(asOf, true)), List.copyOf(points));
    }

    /** When a plan's actions began: its start date, else its publication date. */
    static LocalDate startOf(Plan plan) {
        return plan.start() != null ? plan.start() : plan.published();
    }

    /**
     * The open and done counts on each date, in one pass through time: each action enters at its plan's
     * start, takes its status as first published on the plan's publication date, then each dated update's
     * status on its date (so the cost grows with the actions and updates, not with their product with the
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
            LocalDate start = startOf(plan);
            present[i] = start == null;
            if (start != null) {
                changes.add(new Change(start, 0, i, null, true));
            }
            LocalDate published = plan.published();
            Lifecycle first = action.status() == null ? Lifecycle.NOT_STATED : action.status().lifecycle();
            if (published == null) {
                now[i] = first;
            } else {
                now[i] = Lifecycle.NOT_STATED;
                changes.add(new Change(published, 1, i, first, false));
            }
            int order = 2;
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
