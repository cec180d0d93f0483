package org.followthrough.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limits of the content format, in one place: the checker enforces them, the editors' schemas
 * state them, and the build relies on them. Within them a build takes time and memory in proportion
 * to the content, so content that passes {@code check} also builds.
 */
public final class Limits {

    private Limits() {
    }

    /** The largest YAML or Markdown file, in bytes: 1 MB. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /** The most characters in a one-line text field, such as a title, a name or a role. */
    public static final int MAX_TEXT_LENGTH = 2_000;

    /** The most actions in one plan, over all its recommendations. */
    public static final int MAX_ACTIONS_PER_PLAN = 10_000;

    /** How deeply Markdown may nest (lists, block quotes, emphasis within one another), counted in levels of its tree. */
    public static final int MAX_MARKDOWN_NESTING = 100;

    /**
     * The most cells a Markdown table may have, its rows times its header's columns: every row is laid out as wide as the
     * header, so a header of a thousand bars over twenty thousand short lines would make twenty million cells.
     */
    public static final int MAX_MARKDOWN_TABLE_CELLS = 10_000;

    /**
     * The most characters of an id (a plan's, an organisation's, a theme's) or of a recommendation's number as its address
     * gives it: each names a folder or a file of the site, which a file system allows 255 bytes.
     */
    public static final int MAX_ADDRESS_PART = 100;

    /**
     * How many folders deep, one inside another, the content and templates folders are read: the content format needs four
     * (plans, a plan, its recommendations, and a folder of images at most), and a tree of a thousand would end the walk
     * through it before anything is reported.
     */
    public static final int MAX_FOLDER_DEPTH = 32;

    /** A value as a message quotes it: in quotes as it is, or, longer than an address's part may be, as {@link #quoteLong}. */
    public static String quote(String text) {
        return text.length() > MAX_ADDRESS_PART ? quoteLong(text) : "'" + text + "'";
    }

    /** A long id or number as a message quotes it: its start, and how long it is. */
    public static String quoteLong(String text) {
        return "'" + text.substring(0, Math.min(text.length(), 30)) + "…' (" + String.format(Locale.ROOT, "%,d", text.length()) + " characters)";
    }

    /** The earliest year a date may name. */
    public static final int EARLIEST_YEAR = 1900;

    /** The latest year a date may name. */
    public static final int LATEST_YEAR = 2100;

    /** The file size limit as editors read it: "1 MB (1,024 KB)". */
    public static String fileSize() {
        return MAX_FILE_BYTES / (1024 * 1024) + " MB (" + size(MAX_FILE_BYTES) + ")";
    }

    /** A size in bytes as editors read it, in KB up to 10 MB so that a file just over the limit shows by how much. */
    public static String size(long bytes) {
        if (bytes >= 10L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%,d KB", (bytes + 1023) / 1024);
    }

    /**
     * A regular expression for a year from {@link #EARLIEST_YEAR} to {@link #LATEST_YEAR}, for the schemas:
     * whole centuries as {@code 19\d\d}, then the remaining years one by one.
     */
    static String yearPattern() {
        List<String> parts = new ArrayList<>();
        int year = EARLIEST_YEAR;
        while (year % 100 == 0 && year + 99 <= LATEST_YEAR) {
            parts.add(year / 100 + "\\d\\d");
            year += 100;
        }
        for (; year <= LATEST_YEAR; year++) {
            parts.add(String.valueOf(year));
        }
        return "(" + String.join("|", parts) + ")";
    }
}
