package org.followthrough.model;

/** The value a recommendation or an action gives in one of its plan's {@link ExtraColumn}s. */
public record ColumnValue(String column, Markdown value) {
}
