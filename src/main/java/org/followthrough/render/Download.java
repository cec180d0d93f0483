package org.followthrough.render;

import org.followthrough.render.calendar.IcalRenderer;
import org.followthrough.render.feed.AtomRenderer;
import org.followthrough.render.feed.JsonFeedRenderer;

/**
 * The downloads every plan, every organisation that owns actions, and the site as a whole offer: each
 * one's file name, what it is for (which pages say first, the format second), its format and media
 * type, and whether people open it themselves or only other programs read it.
 */
public enum Download {
    PDF(Routes.PDF, "Summary to read or print", "PDF", "application/pdf", true),
    CSV(Routes.CSV, "Every action, to open in a spreadsheet", "CSV", "text/csv", true),
    CSV_METADATA(Routes.CSV_METADATA, "Description of the spreadsheet's columns, for other programs", "CSVW metadata, JSON",
            "application/csvm+json", false),
    /** The file name depends on the scope: plan.json, organisation.json or site.json. */
    JSON(null, "Everything, as open data for other programs", "JSON", "application/json", false),
    ATOM(Routes.ATOM, "Progress updates of %s, to follow in a feed reader", "news feed, Atom", AtomRenderer.MEDIA_TYPE, true),
    JSON_FEED(Routes.JSON_FEED, "Progress updates, for other websites", "JSON Feed", JsonFeedRenderer.MEDIA_TYPE, false),
    ICS(Routes.ICS, "Target dates, to add to a calendar", "calendar file, iCalendar", IcalRenderer.MEDIA_TYPE, true);

    private final String file;
    private final String label;
    private final String format;
    private final String mediaType;
    private final boolean forPeople;

    Download(String file, String label, String format, String mediaType, boolean forPeople) {
        this.file = file;
        this.label = label;
        this.format = format;
        this.mediaType = mediaType;
        this.forPeople = forPeople;
    }

    /** Whether people open the file themselves, rather than other programs and websites: pages list those first. */
    public boolean forPeople() {
        return forPeople;
    }

    /** The file name; {@code jsonFile} names the JSON document of the scope. */
    public String file(String jsonFile) {
        return this == JSON ? jsonFile : file;
    }

    /** What the file is for, in words; {@code scope} names what it covers ("plan E203623", "every plan"). */
    public String label(String scope) {
        return label.contains("%s") ? String.format(java.util.Locale.ROOT, label, scope) : label;
    }

    public String format() {
        return format;
    }

    public String mediaType() {
        return mediaType;
    }

    public Output.Kind kind() {
        return this == PDF ? Output.Kind.PDF : Output.Kind.DOWNLOAD;
    }
}
