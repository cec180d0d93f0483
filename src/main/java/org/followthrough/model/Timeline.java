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
        List<Point> points = new ArrayList<>();
        for (LocalDate date : dates.headSet(asOf, true)) {
            int open = 0;
            int done = 0;
            for (Item item : items) {
                LocalDate start = startOf(item.plan());
                if (start != null && start.isAfter(date)) {
                    continue;
                }
                Lifecycle lifecycle = date.equals(asOf) ? item.action().state().lifecycle() : lifecycleOn(item, date);
                if (lifecycle.isDone()) {
                    done++;
                } else {
                    open++;
                }
            }
            points.add(new Point(date, open, done));
        }
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

    /** The action's lifecycle on a past date: its status as first published, then each dated update up to that date. */
    private static Lifecycle lifecycleOn(Item item, LocalDate date) {
        Action action = item.action();
        ScaleEntry status = action.status();
        LocalDate published = item.plan().published();
        if (published != null && published.isAfter(date)) {
            status = null;
        }
        for (ProgressUpdate update : action.progress()) {
            if (update.date() != null && !update.date().isAfter(date) && update.status() != null) {
                status = update.status();
            }
        }
        return status == null ? Lifecycle.NOT_STATED : status.lifecycle();
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }
}
