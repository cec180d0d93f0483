package org.followthrough.model;

/**
 * A column a plan publishes that the format has no field for ("Service", "Lead director"), declared
 * by the plan: its id, its heading as published, and what it means where the plan says.
 */
public record ExtraColumn(String id, String label, Markdown description) {
}
