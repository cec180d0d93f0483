package org.followthrough.guard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * The second net: every file a build would publish, read as its readers will read it (pages and
 * feeds without their markup, JSON and calendars unescaped, PDFs by their text and metadata), and
 * its address. The content was searched before it was built, so a name found here comes from no
 * content file on its own: a template wrote it, or put two texts side by side that make it. A file
 * that holds a name is not published and not kept in the build cache, and the build fails;
 * every file is still read, so that every one is reported. Thread-safe.
 */
public final class OutputGuard {

    private static final String ADDRESS = "in its address";

    /** How many files are named for each name; the rest are counted. */
    static final int FILES_SHOWN = 10;

    private final ProtectedNames names;
    private final String shownFolder;
    private final TextCache texts;
    private final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();

    /** @param shownFolder how messages show the output folder ("site/"), or "" */
    public OutputGuard(ProtectedNames names, String shownFolder) {
        this(names, shownFolder, TextCache.NONE);
    }

    /** @param texts where the text read from each PDF is kept, by the PDF's fingerprint */
    public OutputGuard(ProtectedNames names, String shownFolder, TextCache texts) {
        this.names = names;
        this.shownFolder = shownFolder;
        this.texts = texts;
    }

    /**
     * Keeps what was read from a PDF, so that a PDF taken unchanged from the cache need not be read again
     * (it is searched again, for the list may have changed). Only clean PDFs' texts are kept.
     */
    public interface TextCache {
        TextCache NONE = new TextCache() {
            @Override
            public java.util.Optional<byte[]> find(String key) {
                return java.util.Optional.empty();
            }

            @Override
            public void keep(String key, byte[] text) {
            }
        };

        java.util.Optional<byte[]> find(String key);

        void keep(String key, byte[] text);
    }

    /** Whether files are searched at all. */
    public boolean isOn() {
        return !names.isEmpty();
    }

    /** What was found in one file: the name, the file, the first place and how many places. */
    private record Finding(int name, String path, Location at, String where, int times, boolean kept) {
    }

    /**
     * Whether a file this build made may be published: true unless a protected name is in it or in its
     * path (then it is noted for {@link #report}).
     *
     * @param path the file's path from the root of the output folder
     */
    public boolean admits(String path, byte[] bytes) {
        return admits(path, bytes, null, false);
    }

    /** The same, for a file made from what {@code key} fingerprints: a PDF's text may then be in the cache. */
    public boolean admits(String path, byte[] bytes, String key) {
        return admits(path, bytes, key, false);
    }

    /** The same for a file of a snapshot an earlier build published, which this build keeps as it is. */
    public boolean admitsKept(String path, byte[] bytes) {
        return admits(path, bytes, null, true);
    }

    private boolean admits(String path, byte[] bytes, String key, boolean kept) {
        if (names.isEmpty()) {
            return true;
        }
        String shown = shownFolder + path;
        int before = findings.size();
        note(names.find(path), shown, path, ADDRESS, kept, hit -> Location.of(shown));
        if (path.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            String textKey = key == null ? null : org.followthrough.render.Fingerprint.of("the text of the PDF", key);
            java.util.Optional<List<PdfText.Part>> known = textKey == null ? java.util.Optional.empty()
                    : texts.find(textKey).flatMap(PdfText::decode);
            List<PdfText.Part> parts = known.orElseGet(() -> PdfText.of(bytes));
            for (PdfText.Part part : parts) {
                note(names.find(part.text(), part.kind()), shown, path, part.where(), kept, hit -> Location.of(shown));
            }
            if (textKey != null && known.isEmpty() && findings.size() == before) {
                texts.keep(textKey, PdfText.encode(parts));
            }
        } else if (ContentGuard.isText(path)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            note(names.find(text, PublishedText.Kind.of(path)), shown, path, "in this file", kept, hit -> ProtectedNames.locate(shown, text, hit.start()));
        }
        return findings.size() == before;
    }

    /** Notes the first place of each name among {@code hits}, with how many places it is at. */
    private void note(List<ProtectedNames.Hit> hits, String shown, String path, String where, boolean kept,
                      java.util.function.Function<ProtectedNames.Hit, Location> place) {
        Map<Integer, List<ProtectedNames.Hit>> byName = new TreeMap<>();
        hits.forEach(hit -> byName.computeIfAbsent(hit.line(), n -> new ArrayList<>()).add(hit));
        byName.forEach((name, each) -> findings.add(new Finding(name, path, place.apply(each.get(0)), where, each.size(), kept)));
    }

    /** Whether any file held a name. */
    public boolean found() {
        return !findings.isEmpty();
    }

    /** Reports what was found, by name and file: a few files for each name, and how many more. */
    public void report(Problems problems) {
        Map<Integer, List<Finding>> byName = new TreeMap<>();
        findings.forEach(f -> byName.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f));
        byName.forEach((name, list) -> {
            list.sort(Comparator.comparing(Finding::path).thenComparing(Finding::where)
                    .thenComparingInt(f -> f.at().line()).thenComparingInt(f -> f.at().column()));
            List<String> files = list.stream().map(Finding::path).distinct().toList();
            for (Finding f : list) {
                if (files.indexOf(f.path()) >= FILES_SHOWN) {
                    break;
                }
                problems.error(f.at(), message(f), hint(f));
            }
            if (files.size() > FILES_SHOWN) {
                problems.error(Location.of(shownFolder.isEmpty() ? "(the site)" : shownFolder),
                        ProtectedNames.describe(name) + " is also in " + (files.size() - FILES_SHOWN) + " more files the build would publish",
                        "fix the files named above and build again to see what is left; nothing was published");
            }
        });
    }

    private static String message(Finding f) {
        String name = ProtectedNames.describe(f.name());
        String times = f.times() > 1 ? " (" + f.times() + " times)" : "";
        if (f.where().equals(ADDRESS)) {
            return name + " is in the address of this file, which the build would publish";
        }
        String place = f.where();
        if (f.kept()) {
            return name + " appears " + place + times + ", published in a snapshot before the name was protected";
        }
        return name + " appears " + place + times + ", which the build would publish, though in no content file on its own";
    }

    private String hint(Finding f) {
        if (f.where().equals(ADDRESS) && !f.kept()) {
            return "addresses are made from the names of content files and folders: rename the ones that make it; nothing was published";
        }
        if (f.kept()) {
            String snapshot = f.path().replaceFirst("^(snapshots/[^/]+/).*", "$1");
            return "a snapshot is never rewritten: to stop publishing it, delete " + shownFolder + snapshot
                    + " from the published site and build again (it leaves the list of snapshots); nothing was published";
        }
        if (f.path().matches("(.*/)?plans/[^/]+/history/.*")) {
            return "this page shows the change history, the messages of the commits that changed the content: if a commit message"
                    + " holds the name, set change_history: dates in site.yaml to leave the messages out, or build with --no-history;"
                    + " otherwise a template wrote it, or put two texts side by side that make it (names are numbered by their line in "
                    + names.file() + "); nothing was published";
        }
        return "a template wrote it, or put two texts side by side that make it: change the template or those texts"
                + " (names are numbered by their line in " + names.file() + "); nothing was published";
    }
}
