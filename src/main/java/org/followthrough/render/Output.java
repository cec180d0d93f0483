package org.followthrough.render;

import java.util.List;
import java.util.function.Supplier;

/**
 * One file of the site, decided before it is made: where it goes, what kind of file it is, a
 * fingerprint of exactly what it is made from, and how to make its bytes.
 *
 * <p>Outputs of the same {@code unit} (a plan, an organisation, the site) are made one after the
 * other, in their order, sharing what the unit's {@link RenderContext} holds (a plan's view, say);
 * units are made in parallel. A page that shows the size of downloads of its unit names them in
 * {@code showsSizeOf}: they come earlier in the unit, and their sizes are part of the page's key.
 *
 * <p>The fingerprint is worked out when it is first asked for, once: a build that keeps a whole
 * unit as it was (see {@link SiteRenderer#unitKeys}) never needs its outputs' fingerprints.
 *
 * @param path        the file's path from the site root, with forward slashes
 * @param unit        what the output belongs to, e.g. "plan:p-review"
 * @param kind        what the file is
 * @param fingerprint works out a {@link Fingerprint} of everything the bytes depend on but the sizes in {@code showsSizeOf}
 * @param showsSizeOf paths of downloads whose sizes the output shows
 * @param recipe      how to make the bytes; may return null for a file that is not published (a calendar with no dates)
 * @param fromParts   whether the recipe makes the file from parts the cache keeps (joins each plan's rows of the site's
 *                    CSV, or takes a PDF kept by the HTML it is typeset from), so that the cache need not keep the whole
 *                    file as well
 */
public record Output(String path, String unit, Kind kind, Supplier<String> fingerprint, List<String> showsSizeOf, Recipe recipe,
                     boolean fromParts) {

    public Output {
        showsSizeOf = List.copyOf(showsSizeOf);
        fingerprint = once(fingerprint);
    }

    public Output(String path, String unit, Kind kind, Supplier<String> fingerprint, List<String> showsSizeOf, Recipe recipe) {
        this(path, unit, kind, fingerprint, showsSizeOf, recipe, false);
    }

    public Output(String path, String unit, Kind kind, String key, List<String> showsSizeOf, Recipe recipe) {
        this(path, unit, kind, () -> key, showsSizeOf, recipe);
    }

    /** The same output, its recipe making it from parts the cache keeps. */
    public Output madeFromParts() {
        return new Output(path, unit, kind, fingerprint, showsSizeOf, recipe, true);
    }

    public static Output of(String path, String unit, Kind kind, String key, Recipe recipe) {
        return new Output(path, unit, kind, key, List.of(), recipe);
    }

    /** An output whose fingerprint is worked out when it is first asked for. */
    public static Output of(String path, String unit, Kind kind, Supplier<String> fingerprint, Recipe recipe) {
        return new Output(path, unit, kind, fingerprint, List.of(), recipe);
    }

    /** A {@link Fingerprint} of everything the bytes depend on but the sizes in {@code showsSizeOf}. */
    public String key() {
        return fingerprint.get();
    }

    /** Works out {@code value} the first time it is asked for, and gives the same string after that (from any thread). */
    private static Supplier<String> once(Supplier<String> value) {
        if (value instanceof Once) {
            return value;
        }
        return new Once(value);
    }

    private static final class Once implements Supplier<String> {
        private Supplier<String> value;
        private volatile String known;

        Once(Supplier<String> value) {
            this.value = value;
        }

        @Override
        public String get() {
            String result = known;
            if (result == null) {
                synchronized (this) {
                    if (known == null) {
                        known = value.get();
                        value = null;
                    }
                    result = known;
                }
            }
            return result;
        }
    }

    /** What a file is: pages and downloads are listed in the sitemap; PDFs can be left out of a build. */
    public enum Kind {
        /** An HTML page of the site, listed in the sitemap. */
        PAGE,
        /** A file to download (CSV, JSON, feeds, calendars), listed in the sitemap. */
        DOWNLOAD,
        /** A PDF summary: a download, the dearest to make. */
        PDF,
        /** Everything else: fragments, stylesheets, scripts, schemas, robots.txt, the sitemap, the 404 page. */
        OTHER;

        public boolean inSitemap() {
            return this != OTHER;
        }
    }

    /** Makes an output's bytes. */
    @FunctionalInterface
    public interface Recipe {
        byte[] make(RenderContext context);
    }
}
