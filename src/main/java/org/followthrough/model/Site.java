package org.followthrough.model;

import java.time.ZoneId;
import java.util.List;

/** The site's settings, as written in site.yaml (with defaults filled in). */
public record Site(
        String title,
        String publisher,
        String baseUrl,
        String language,
        ZoneId timeZone,
        Markdown description,
        Markdown contact,
        int staleAfterMonths,
        String brandColour,
        Scales scales,
        HistoryDetail changeHistory,
        List<Theme> themes,
        Markdown themesNote) {

    public Site {
        themes = List.copyOf(themes);
    }

    public static final int DEFAULT_STALE_AFTER_MONTHS = 6;
    public static final String DEFAULT_BRAND_COLOUR = "#1d4f91";

    public Site withBaseUrl(String address) {
        String url = address.endsWith("/") ? address : address + "/";
        return new Site(title, publisher, url, language, timeZone, description, contact, staleAfterMonths, brandColour, scales, changeHistory,
                themes, themesNote);
    }

    /** The same settings under another name, publisher, address and colour: an organisation's own site. */
    public Site forOrganisation(String newTitle, String newPublisher, String url, Markdown newDescription, String colour) {
        return new Site(newTitle, newPublisher, url, language, timeZone, newDescription, contact, staleAfterMonths, colour, scales, changeHistory,
                themes, themesNote);
    }

    /** The same settings with only these of its themes (in their order): an organisation's own site lists the themes of its actions. */
    public Site withThemes(java.util.function.Predicate<Theme> kept) {
        return new Site(title, publisher, baseUrl, language, timeZone, description, contact, staleAfterMonths, brandColour, scales, changeHistory,
                themes.stream().filter(kept).toList(), themesNote);
    }

    /** The theme with this id, or null where the site declares none. */
    public Theme theme(String id) {
        return themes.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }
}
