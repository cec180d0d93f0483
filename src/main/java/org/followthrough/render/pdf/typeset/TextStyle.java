package org.followthrough.render.pdf.typeset;

/** How a piece of text is drawn: the face, size and colour, its decorations, its baseline shift and its line height. */
record TextStyle(FontProgram font, float size, int color, float shift, boolean underline, boolean strike, int background,
                 float lineHeight) {

    static TextStyle of(Style style, FontFamily fonts) {
        return new TextStyle(fonts.face(style.bold, style.italic), style.fontSize, style.color, style.shift, style.underline,
                style.strike, style.background, style.lineHeight());
    }

    /** The height above the baseline a line must give this text: half the leading, then the ascent. */
    float above() {
        float half = (lineHeight - (font.ascent + font.descent) * size) / 2;
        return half + font.ascent * size + shift;
    }

    float below() {
        float half = (lineHeight - (font.ascent + font.descent) * size) / 2;
        return half + font.descent * size - shift;
    }
}
