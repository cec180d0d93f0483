package org.followthrough.model;

/** A body that owns, leads or oversees actions. */
public record Organisation(
        String id,
        String name,
        String shortName,
        OrganisationType type,
        String website,
        String odsCode,
        Markdown description,
        String brandColour,
        String logo,
        String publishedPlansUrl,
        String baseUrl) {

    /** The short name where there is one, for tight spaces. */
    public String displayShortName() {
        return shortName != null ? shortName : name;
    }
}
