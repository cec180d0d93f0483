package org.followthrough.model;

import java.util.List;

/** A progress update with what it changed, worked out against the updates before it. */
public record HistoryEntry(ProgressUpdate update, List<Change> changes) {
}
