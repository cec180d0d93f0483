package org.followthrough.history;

import java.util.List;

/**
 * The commits that changed one plan's folder, newest first, and whether its files differ from the
 * last commit (changed, added or removed and not yet committed).
 */
public record PlanChanges(List<Commit> commits, boolean uncommitted) {

    public static final PlanChanges NONE = new PlanChanges(List.of(), false);

    public PlanChanges {
        commits = List.copyOf(commits);
    }
}
