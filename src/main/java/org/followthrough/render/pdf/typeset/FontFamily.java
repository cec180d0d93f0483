package org.followthrough.render.pdf.typeset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The four faces of the one font family, each parsed once per process for each font source. */
final class FontFamily {

    private static final Map<String, FontFamily> LOADED = new ConcurrentHashMap<>();

    private final FontProgram[] faces;

    private FontFamily(FontProgram[] faces) {
        this.faces = faces;
    }

    static FontFamily of(FontSource source) {
        return LOADED.computeIfAbsent(source.key(), key -> load(source));
    }

    private static FontFamily load(FontSource source) {
        FontSource.Face[] all = FontSource.Face.values();
        FontProgram[] faces = new FontProgram[all.length];
        try {
            for (FontSource.Face face : all) {
                faces[face.ordinal()] = FontProgram.parse(face, source.read(face));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the fonts for the PDF summaries (" + source.key() + "): " + e.getMessage(), e);
        }
        return new FontFamily(faces);
    }

    FontProgram face(boolean bold, boolean italic) {
        return faces[FontSource.Face.of(bold, italic).ordinal()];
    }

    FontProgram face(FontSource.Face face) {
        return faces[face.ordinal()];
    }
}
