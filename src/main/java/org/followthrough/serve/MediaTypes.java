package org.followthrough.serve;

import java.util.Locale;
import java.util.Map;
import org.followthrough.render.Download;

/** The Content-Type of each file of the site, as a web server set up for it would send it. */
final class MediaTypes {

    private static final String UTF8 = "; charset=utf-8";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html" + UTF8),
            Map.entry("css", "text/css" + UTF8),
            Map.entry("js", "text/javascript" + UTF8),
            Map.entry("json", "application/json" + UTF8),
            Map.entry("xml", "application/xml" + UTF8),
            Map.entry("txt", "text/plain" + UTF8),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"));

    private MediaTypes() {
    }

    /** The type of the file at a path of the site: a download's own (an Atom feed, a calendar), else by its extension. */
    static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (Download download : Download.values()) {
            if (download != Download.JSON && name.equals(download.file(null))) {
                return download == Download.PDF ? download.mediaType() : download.mediaType() + UTF8;
            }
        }
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }
}
