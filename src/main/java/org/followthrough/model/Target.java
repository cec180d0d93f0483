package org.followthrough.model;

/**
 * A target as published: the plan's own wording (may be null when the editor wrote a plain date)
 * and, where the wording names a real date, what it means (may be null: "Completed", "31 September 2020").
 */
public record Target(String asPublished, TargetDate date) {

    public static Target of(TargetDate date) {
        return new Target(null, date);
    }
}
