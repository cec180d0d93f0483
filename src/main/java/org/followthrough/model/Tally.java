package org.followthrough.model;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of actions by lifecycle, with how many are overdue, how many have passed their target with
 * no status published, and how many are not updated recently.
 */
public record Tally(Map<Lifecycle, Integer> byLifecycle, int total, int overdue, int targetPassedWithoutStatus, int stale) {

    public static Tally of(Collection<Action> actions) {
        // counted in an array, not by boxing into the map: the site's listings count every action several times a build
        int[] counts = new int[Lifecycle.values().length];
        int overdue = 0;
        int passed = 0;
        int stale = 0;
        for (Action a : actions) {
            ActionState state = a.state();
            counts[state.lifecycle().ordinal()]++;
            if (state.overdue()) {
                overdue++;
            }
            if (state.targetPassedWithoutStatus()) {
                passed++;
            }
            if (state.stale()) {
                stale++;
            }
        }
        Map<Lifecycle, Integer> byLifecycle = new EnumMap<>(Lifecycle.class);
        for (Lifecycle l : Lifecycle.values()) {
            byLifecycle.put(l, counts[l.ordinal()]);
        }
        return new Tally(java.util.Collections.unmodifiableMap(byLifecycle), actions.size(), overdue, passed, stale);
    }

    public int count(Lifecycle lifecycle) {
        return byLifecycle.getOrDefault(lifecycle, 0);
    }

    public int done() {
        return count(Lifecycle.COMPLETED) + count(Lifecycle.EMBEDDED) + count(Lifecycle.CLOSED);
    }
}
