package org.followthrough.render;

import org.followthrough.render.calendar.IcalRenderer;
import org.followthrough.render.feed.AtomRenderer;
import org.followthrough.render.feed.JsonFeedRenderer;

/**
 * The downloads every plan, every organisation that owns actions, and the site as a whole offer, in
 * the order pages list them: each one's file name, what it is for, its format and media type.
 */
public enum Download {
    PDF(Routes.PDF, "Summary to read or print", "PDF", "application/pdf"),
    CSV(Routes.CSV, "Every action, as a spreadsheet", "CSV", "text/csv"),
    CSV_METADATA(Routes.CSV_METADATA, "Description of the spreadsheet's columns", "CSVW metadata (JSON)", "application/csvm+json"),
    /** The file name depends on the scope: plan.json, organisation.json or site.json. */
    JSON(null, "Everything, as open data", "JSON", "application/json"),
    ATOM(Routes.ATOM, "Progress updates of %s, to follow in a feed reader", "Atom feed", AtomRenderer.MEDIA_TYPE),
    JSON_FEED(Routes.JSON_FEED, "Progress updates, as a JSON feed for other websites", "JSON Feed", JsonFeedRenderer.MEDIA_TYPE),
    ICS(Routes.ICS, "Target dates, for a calendar", "iCalendar", IcalRenderer.MEDIA_TYPE);

    private final String file;
    private final String label;
    private final String format;
    private final String mediaType;

    Download(String file, String label, String format, String mediaType) {
        this.file = file;
        this.label = label;
        this.format = format;
        this.mediaType = mediaType;
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
