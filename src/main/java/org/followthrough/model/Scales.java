package org.followthrough.model;

/** The scales a plan uses: its own where it defines them, the site's defaults otherwise. */
public record Scales(Scale grades, Scale priorities, Scale rag, Scale terms, Scale statuses) {
}
