package org.followthrough.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How Java reads the names of files here. On Linux and other Unix systems it decodes them by the locale the
 * environment sets: with none (LANG unset, as in many CI containers), as ASCII, so that a name with an accent
 * ("résumé.md") reads as "r??sum??.md" and names no file the content can name.
 */
public final class FileNames {

    private FileNames() {
    }

    /**
     * Where file names are not read as UTF-8 here, what to do about it, for a name with letters beyond ASCII that
     * could not be found or read; empty where they are (or on Windows, whose names are not decoded by a locale).
     */
    public static Optional<String> localeHint() {
        if (java.io.File.separatorChar != '/') {
            return Optional.empty();
        }
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            charset = null;
        }
        if (StandardCharsets.UTF_8.equals(charset)) {
            return Optional.empty();
        }
        return Optional.of("file names are read here as " + encoding + ", as the environment sets no UTF-8 locale, so letters beyond"
                + " ASCII in a name are lost: run with LANG=C.UTF-8 (in CI, set it in the job's environment), or name the file in"
                + " plain letters");
    }

    /** Whether a name has a letter beyond ASCII. */
    public static boolean beyondAscii(String name) {
        return name.chars().anyMatch(c -> c > 0x7F);
    }
}
