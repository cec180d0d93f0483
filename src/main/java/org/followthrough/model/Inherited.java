package org.followthrough.model;

import java.util.List;

/**
 * Which of an action's values come from its recommendation's {@link Shared} values rather than its
 * own: its owners, its target, and the ids of the extra columns. (Progress updates say so one by
 * one: {@link ProgressUpdate#shared()}.)
 */
public record Inherited(boolean owners, boolean target, List<String> extraColumns) {

    public static final Inherited NONE = new Inherited(false, false, List.of());

    public Inherited {
        extraColumns = List.copyOf(extraColumns);
    }
}
