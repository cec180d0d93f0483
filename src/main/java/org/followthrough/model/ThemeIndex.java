package org.followthrough.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What comes under each of the site's themes, across every plan: made in one pass through the
 * archive, so that a theme's page, its count on the home page and its line in the site's data never
 * look through the plans again.
 */
public final class ThemeIndex {

    /**
     * A recommendation listed under a theme, in its plan: {@code named} when the recommendation itself
     * names the theme (its actions then all come under it too), and the actions that come under it.
     */
    public record Entry(Plan plan, Recommendation recommendation, boolean named, List<Action> actions) {
    }

    /** A theme with what comes under it, and the counts readers see. */
    public record Listed(Theme theme, List<Entry> entries, Tally tally) {

        /** Recommendations listed: those that name the theme, and those with an action that does. */
        public int recommendations() {
            return entries.size();
        }

        public int actions() {
            return tally.total();
        }
    }

    private final List<Listed> themes;

    private ThemeIndex(List<Listed> themes) {
        this.themes = themes;
    }

    public static ThemeIndex of(Archive archive) {
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        archive.site().themes().forEach(t -> entries.put(t.id(), new ArrayList<>()));
        for (Plan plan : archive.plans()) {
            for (Recommendation r : plan.recommendations()) {
                Map<String, List<Action>> under = new LinkedHashMap<>();
                r.themes().forEach(id -> under.put(id, new ArrayList<>()));
                for (Action a : r.actions()) {
                    a.themes().forEach(id -> under.computeIfAbsent(id, k -> new ArrayList<>()).add(a));
                }
                under.forEach((id, actions) -> {
                    List<Entry> listed = entries.get(id);
                    if (listed != null) {
                        listed.add(new Entry(plan, r, r.themes().contains(id), List.copyOf(actions)));
                    }
                });
            }
        }
        return new ThemeIndex(archive.site().themes().stream().map(t -> {
            List<Entry> listed = List.copyOf(entries.get(t.id()));
            return new Listed(t, listed, Tally.of(listed.stream().flatMap(e -> e.actions().stream()).toList()));
        }).toList());
    }

    /** Every theme of the site, in the order site.yaml lists them, including those nothing comes under yet. */
    public List<Listed> themes() {
        return themes;
    }
}
