package org.followthrough.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fonts the PDF summaries embed: DejaVu Sans in the four faces the stylesheet uses (regular,
 * bold, oblique, bold oblique). PDF/UA and PDF/A need every font embedded, so nothing may fall back
 * to a PDF viewer's built-in fonts.
 *
 * <p>By default these are the copies inside Followthrough itself ({@value #BUNDLED}, with their
 * licence beside them), so the summaries come out the same on every machine, with or without fonts
 * installed. A site may name a folder of its own holding the four files in the
 * {@value #ENVIRONMENT_VARIABLE} environment variable.
 */
public final class PdfFonts {

    /** The family name the stylesheet uses. */
    public static final String FAMILY = "DejaVu Sans";

    public static final String ENVIRONMENT_VARIABLE = "FOLLOWTHROUGH_FONTS";

    /** Where the fonts that ship with Followthrough are, on the class path. */
    static final String BUNDLED = "/followthrough/fonts/";

    /** A face of the family, and its file name. */
    public enum Face {
        REGULAR("DejaVuSans.ttf"),
        BOLD("DejaVuSans-Bold.ttf"),
        OBLIQUE("DejaVuSans-Oblique.ttf"),
        BOLD_OBLIQUE("DejaVuSans-BoldOblique.ttf");

        private final String file;

        Face(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    private final String origin;
    private final Map<Face, byte[]> faces;

    private PdfFonts(String origin, Map<Face, byte[]> faces) {
        this.origin = origin;
        this.faces = faces;
    }

    /** The fonts of the {@value #ENVIRONMENT_VARIABLE} folder when it is set, else the fonts inside Followthrough. */
    public static PdfFonts locate() {
        return locate(System.getenv(ENVIRONMENT_VARIABLE));
    }

    /** The fonts of the folder {@code environmentValue} names, or the fonts inside Followthrough when it is null or blank. */
    public static PdfFonts locate(String environmentValue) {
        if (environmentValue == null || environmentValue.isBlank()) {
            return bundled();
        }
        return in(Path.of(environmentValue.strip()));
    }

    /**
     * The fingerprint of the fonts {@link #locate()} would give, without reading the bundled ones: what the PDFs are typeset
     * in and which characters the check of PDF characters warns of both depend on it. Fonts that cannot be read have a
     * fingerprint of their own, so that a later build with them in place is not taken for this one.
     */
    public static String fingerprintInUse() {
        String environmentValue = System.getenv(ENVIRONMENT_VARIABLE);
        if (environmentValue == null || environmentValue.isBlank()) {
            return BUNDLED_FINGERPRINT;
        }
        try {
            return in(Path.of(environmentValue.strip())).fingerprint();
        } catch (MissingFontsException e) {
            return "fonts missing from " + environmentValue.strip();
        }
    }

    private static final String BUNDLED_FINGERPRINT = "fonts inside Followthrough";

    /** The copies of DejaVu Sans inside Followthrough; read once, shared by every renderer. */
    public static PdfFonts bundled() {
        return Bundled.FONTS;
    }

    /** The four files in {@code folder}; says at once which are missing. */
    public static PdfFonts in(Path folder) {
        Map<Face, byte[]> faces = new EnumMap<>(Face.class);
        List<String> missing = new ArrayList<>();
        for (Face face : Face.values()) {
            Path file = folder.resolve(face.file);
            try {
                faces.put(face, Files.readAllBytes(file));
            } catch (IOException e) {
                missing.add(face.file);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingFontsException(folder, missing);
        }
        return new PdfFonts(folder.toAbsolutePath().toString(), faces);
    }

    /** Where the fonts come from, as a person would say it. */
    public String origin() {
        return origin;
    }

    /**
     * A fingerprint of the four files, so that PDFs made with other fonts are never taken for these;
     * the fonts inside Followthrough are part of the tool, which every output's fingerprint names already.
     */
    public String fingerprint() {
        if (this == Bundled.FONTS) {
            return BUNDLED_FINGERPRINT;
        }
        return org.followthrough.render.Fingerprint.of(List.of(faces.get(Face.REGULAR), faces.get(Face.BOLD), faces.get(Face.OBLIQUE),
                faces.get(Face.BOLD_OBLIQUE)));
    }

    /** The bytes of a face's TrueType file. */
    public byte[] bytes(Face face) {
        return faces.get(face);
    }

    /** Holds the bundled fonts, loaded the first time a PDF is made. */
    private static final class Bundled {
        static final PdfFonts FONTS = load();

        private static PdfFonts load() {
            Map<Face, byte[]> faces = new EnumMap<>(Face.class);
            for (Face face : Face.values()) {
                try (InputStream in = PdfFonts.class.getResourceAsStream(BUNDLED + face.file)) {
                    if (in == null) {
                        throw new IllegalStateException("the font " + face.file + " is missing from Followthrough itself: rebuild it");
                    }
                    faces.put(face, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new PdfFonts("the fonts inside Followthrough", faces);
        }
    }

    /** The folder a site named for its fonts (in {@value #ENVIRONMENT_VARIABLE}) lacks some of the four files: says which, and what to do. */
    public static final class MissingFontsException extends IllegalStateException {

        private final String hint;

        MissingFontsException(Path folder, List<String> missing) {
            super("the folder " + folder.toAbsolutePath() + " does not hold " + String.join(", ", missing));
            this.hint = "put all four " + FAMILY + " files (" + String.join(", ", Arrays.stream(Face.values()).map(Face::file).toList())
                    + ") there, or unset " + ENVIRONMENT_VARIABLE + " to use the fonts inside Followthrough";
        }

        public String hint() {
            return hint;
        }
    }
}
