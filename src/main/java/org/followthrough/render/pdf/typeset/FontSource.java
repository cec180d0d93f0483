package org.followthrough.render.pdf.typeset;

import java.io.IOException;

/**
 * Where the typesetter gets its one font family: a TrueType file for each of the four faces.
 * The files are read and parsed once per process for each {@link #key()}.
 */
public interface FontSource {

    /** The faces the typesetter uses: regular, bold, oblique (for italic) and bold oblique. */
    enum Face {
        REGULAR, BOLD, OBLIQUE, BOLD_OBLIQUE;

        static Face of(boolean bold, boolean italic) {
            return bold ? (italic ? BOLD_OBLIQUE : BOLD) : (italic ? OBLIQUE : REGULAR);
        }
    }

    /** The bytes of a face's TrueType (.ttf) file. */
    byte[] read(Face face) throws IOException;

    /** Names the files (paths, or resource names): two sources with the same key give the same bytes. */
    String key();
}
