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
        Map<Lifecycle, Integer> counts = new EnumMap<>(Lifecycle.class);
        for (Lifecycle l : Lifecycle.values()) {
            counts.put(l, 0);
        }
        int overdue = 0;
        int passed = 0;
        int stale = 0;
        for (Action a : actions) {
            counts.merge(a.state().lifecycle(), 1, Integer::sum);
            if (a.state().overdue()) {
                overdue++;
            }
            if (a.state().targetPassedWithoutStatus()) {
                passed++;
            }
            if (a.state().stale()) {
                stale++;
            }
        }
        return new Tally(java.util.Collections.unmodifiableMap(counts), actions.size(), overdue, passed, stale);
    }

    public int count(Lifecycle lifecycle) {
        return byLifecycle.getOrDefault(lifecycle, 0);
    }

    public int done() {
        return count(Lifecycle.COMPLETED) + count(Lifecycle.EMBEDDED) + count(Lifecycle.CLOSED);
    }
}
