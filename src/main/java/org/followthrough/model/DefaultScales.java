package org.followthrough.model;

import java.util.List;

/** The scales a site has when site.yaml defines none: plain status words, RAG and terms. */
public final class DefaultScales {

    private DefaultScales() {
    }

    public static Scales get() {
        Scale statuses = new Scale(List.of(
                new ScaleEntry("not-started", "Not started", null, Lifecycle.NOT_STARTED),
                new ScaleEntry("in-progress", "In progress", null, Lifecycle.IN_PROGRESS),
                new ScaleEntry("completed", "Completed", null, Lifecycle.COMPLETED),
                new ScaleEntry("embedded", "Completed and embedded", null, Lifecycle.EMBEDDED),
                new ScaleEntry("closed", "Closed", null, Lifecycle.CLOSED)));
        Scale rag = new Scale(List.of(
                new ScaleEntry("red", "Red", new Markdown("Not on track; action is needed."), null),
                new ScaleEntry("amber", "Amber", new Markdown("Some risk to delivery."), null),
                new ScaleEntry("green", "Green", new Markdown("On track or complete."), null)));
        Scale terms = new Scale(List.of(
                new ScaleEntry("short", "Short term", null, null),
                new ScaleEntry("medium", "Medium term", null, null),
                new ScaleEntry("long", "Long term", null, null)));
        return new Scales(Scale.EMPTY, Scale.EMPTY, rag, terms, statuses);
    }
}
