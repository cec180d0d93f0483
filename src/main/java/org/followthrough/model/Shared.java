package org.followthrough.model;

import java.util.List;

/**
 * What a recommendation gives once for all its actions, as plans often print one lead, one target or
 * one progress statement for several actions: an action without owners, a target or a value of an
 * extra column of its own takes the recommendation's, and every action's progress history holds the
 * recommendation's progress updates as well as its own.
 */
public record Shared(List<Owner> owners, Target target, List<ProgressUpdate> progress, List<ColumnValue> extraColumns) {

    public static final Shared NONE = new Shared(List.of(), null, List.of(), List.of());

    public Shared {
        owners = List.copyOf(owners);
        progress = List.copyOf(progress);
        extraColumns = List.copyOf(extraColumns);
    }

    public boolean isEmpty() {
        return owners.isEmpty() && target == null && progress.isEmpty() && extraColumns.isEmpty();
    }
}
