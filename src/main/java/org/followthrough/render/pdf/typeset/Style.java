package org.followthrough.render.pdf.typeset;

import java.util.List;
import java.util.Locale;

/**
 * The computed style of one element: the properties the typesetter understands, in points.
 * Immutable; made once for each distinct element context (see {@link StyleNode}) and shared.
 */
final class Style {

    static final float MM = 72f / 25.4f;

    enum Align { LEFT, RIGHT, CENTER }

    static final int TOP = 0;
    static final int RIGHT = 1;
    static final int BOTTOM = 2;
    static final int LEFT = 3;

    // inherited
    float fontSize = 12f;
    boolean bold;
    boolean italic;
    int color = 0x000000;
    float lineHeightFactor = 1.2f;
    float lineHeightAbsolute = Float.NaN;
    Align align = Align.LEFT;
    boolean pre;
    String listStyle;
    // inherited by inline content only (they describe the text, not the box)
    boolean underline;
    boolean strike;
    int background = -1;
    float shift;
    // not inherited
    final float[] margin = new float[4];
    final float[] padding = new float[4];
    final float[] borderWidth = new float[4];
    final int[] borderColor = {-1, -1, -1, -1};
    float widthPercent = Float.NaN;
    float width = Float.NaN;
    boolean keepWithNext;
    boolean avoidBreakInside;
    boolean breakBefore;
    /** The name in {@code position: running(name)}: the element is not laid out in the flow but at the foot of every page. */
    String running;
    boolean hidden;

    /** The style an element gets from its parent's before its own rules apply. */
    static Style inherit(Style parent, Display display) {
        Style s = new Style();
        if (parent != null) {
            s.fontSize = parent.fontSize;
            s.bold = parent.bold;
            s.italic = parent.italic;
            s.color = parent.color;
            s.lineHeightFactor = parent.lineHeightFactor;
            s.lineHeightAbsolute = parent.lineHeightAbsolute;
            s.align = parent.align;
            s.pre = parent.pre;
            s.listStyle = parent.listStyle;
            if (display.isInline()) {
                s.underline = parent.underline;
                s.strike = parent.strike;
                s.background = parent.background;
                s.shift = parent.shift;
            }
        }
        return s;
    }

    /** The height of a line of this style's text. */
    float lineHeight() {
        return Float.isNaN(lineHeightAbsolute) ? lineHeightFactor * fontSize : lineHeightAbsolute;
    }

    int borderRgb(int side) {
        return borderColor[side] < 0 ? color : borderColor[side];
    }

    /** Applies the declarations of the matching rules, in cascade order; the parent's font size resolves em and %. */
    void apply(List<Css.Declaration> declarations, float parentSize) {
        for (Css.Declaration d : declarations) {
            apply(d.property(), d.value().toLowerCase(Locale.ROOT), parentSize);
        }
    }

    private void apply(String property, String value, float parentSize) {
        switch (property) {
            case "font-size" -> {
                float size = fontSize(value, parentSize);
                if (!Float.isNaN(size)) {
                    fontSize = size;
                }
            }
            case "font-weight" -> bold = switch (value) {
                case "bold", "bolder" -> true;
                case "normal", "lighter" -> false;
                default -> value.chars().allMatch(Character::isDigit) ? Integer.parseInt(value) >= 600 : bold;
            };
            case "font-style" -> italic = value.equals("italic") || value.equals("oblique");
            case "font" -> {
                for (String token : value.split("\\s+")) {
                    if (token.equals("bold")) {
                        bold = true;
                    } else if (token.equals("italic") || token.equals("oblique")) {
                        italic = true;
                    }
                }
            }
            case "color" -> {
                int c = color(value, color);
                if (c >= 0) {
                    color = c;
                }
            }
            case "background", "background-color" -> background = color(value, color);
            case "line-height" -> lineHeight(value);
            case "text-align" -> align = switch (value) {
                case "right", "end" -> Align.RIGHT;
                case "center" -> Align.CENTER;
                default -> Align.LEFT;
            };
            case "white-space" -> pre = value.startsWith("pre") || value.equals("break-spaces");
            case "text-decoration", "text-decoration-line" -> {
                underline = value.contains("underline");
                strike = value.contains("line-through");
            }
            case "vertical-align" -> shift += switch (value) {
                case "super", "text-top", "top" -> parentSize * 0.35f;
                case "sub", "text-bottom", "bottom" -> -parentSize * 0.2f;
                default -> 0f;
            };
            case "list-style", "list-style-type" -> listStyle = value.split("\\s+")[0];
            case "margin" -> box(margin, value, parentSize);
            case "margin-top" -> margin[TOP] = length(value, fontSize, 0f, margin[TOP]);
            case "margin-right" -> margin[RIGHT] = length(value, fontSize, 0f, margin[RIGHT]);
            case "margin-bottom" -> margin[BOTTOM] = length(value, fontSize, 0f, margin[BOTTOM]);
            case "margin-left" -> margin[LEFT] = length(value, fontSize, 0f, margin[LEFT]);
            case "padding" -> box(padding, value, parentSize);
            case "padding-top" -> padding[TOP] = length(value, fontSize, 0f, padding[TOP]);
            case "padding-right" -> padding[RIGHT] = length(value, fontSize, 0f, padding[RIGHT]);
            case "padding-bottom" -> padding[BOTTOM] = length(value, fontSize, 0f, padding[BOTTOM]);
            case "padding-left" -> padding[LEFT] = length(value, fontSize, 0f, padding[LEFT]);
            case "border" -> {
                for (int side = 0; side < 4; side++) {
                    border(side, value);
                }
            }
            case "border-top" -> border(TOP, value);
            case "border-right" -> border(RIGHT, value);
            case "border-bottom" -> border(BOTTOM, value);
            case "border-left" -> border(LEFT, value);
            case "border-color" -> {
                int c = color(value, color);
                for (int side = 0; side < 4; side++) {
                    borderColor[side] = c;
                }
            }
            case "border-top-color" -> borderColor[TOP] = color(value, color);
            case "border-right-color" -> borderColor[RIGHT] = color(value, color);
            case "border-bottom-color" -> borderColor[BOTTOM] = color(value, color);
            case "border-left-color" -> borderColor[LEFT] = color(value, color);
            case "border-top-width" -> borderWidth[TOP] = length(value, fontSize, 0f, borderWidth[TOP]);
            case "border-bottom-width" -> borderWidth[BOTTOM] = length(value, fontSize, 0f, borderWidth[BOTTOM]);
            case "border-left-width" -> borderWidth[LEFT] = length(value, fontSize, 0f, borderWidth[LEFT]);
            case "width" -> {
                if (value.endsWith("%")) {
                    widthPercent = number(value.substring(0, value.length() - 1));
                } else {
                    width = length(value, fontSize, 0f, Float.NaN);
                }
            }
            case "page-break-after", "break-after" -> keepWithNext = value.equals("avoid") || value.equals("avoid-page");
            case "page-break-inside", "break-inside" -> avoidBreakInside = value.startsWith("avoid");
            case "page-break-before", "break-before" -> breakBefore = value.equals("always") || value.equals("page");
            case "position" -> running = value.startsWith("running(") && value.endsWith(")")
                    ? value.substring("running(".length(), value.length() - 1).strip() : null;
            case "display" -> hidden = value.equals("none");
            default -> {
                // every other property is left to browsers
            }
        }
    }

    private float fontSize(String value, float parentSize) {
        return switch (value) {
            case "xx-small" -> 7f;
            case "x-small" -> 7.5f;
            case "small" -> 10f;
            case "medium" -> 12f;
            case "large" -> 13.5f;
            case "x-large" -> 18f;
            case "xx-large" -> 24f;
            case "smaller" -> parentSize / 1.2f;
            case "larger" -> parentSize * 1.2f;
            default -> length(value, parentSize, parentSize, Float.NaN);
        };
    }

    private void lineHeight(String value) {
        if (value.equals("normal")) {
            lineHeightFactor = 1.2f;
            lineHeightAbsolute = Float.NaN;
            return;
        }
        float factor = number(value);
        if (!Float.isNaN(factor)) {
            lineHeightFactor = factor;
            lineHeightAbsolute = Float.NaN;
            return;
        }
        float absolute = length(value, fontSize, fontSize, Float.NaN);
        if (!Float.isNaN(absolute)) {
            lineHeightAbsolute = absolute;
        }
    }

    private void box(float[] sides, String value, float parentSize) {
        String[] parts = value.trim().split("\\s+");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = length(parts[i], fontSize, 0f, 0f);
        }
        switch (v.length) {
            case 1 -> fill(sides, v[0], v[0], v[0], v[0]);
            case 2 -> fill(sides, v[0], v[1], v[0], v[1]);
            case 3 -> fill(sides, v[0], v[1], v[2], v[1]);
            default -> fill(sides, v[0], v[1], v[2], v[3]);
        }
    }

    private static void fill(float[] sides, float top, float right, float bottom, float left) {
        sides[TOP] = top;
        sides[RIGHT] = right;
        sides[BOTTOM] = bottom;
        sides[LEFT] = left;
    }

    private void border(int side, String value) {
        float w = 1.5f * 0.75f; // medium
        int c = -1;
        boolean none = false;
        for (String token : value.trim().split("\\s+(?![^(]*\\))")) {
            switch (token) {
                case "none", "hidden" -> none = true;
                case "solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset" -> {
                }
                case "thin" -> w = 0.75f;
                case "medium" -> w = 1.5f * 0.75f;
                case "thick" -> w = 3.75f * 0.75f;
                default -> {
                    float length = length(token, fontSize, 0f, Float.NaN);
                    if (!Float.isNaN(length)) {
                        w = length;
                    } else {
                        c = color(token, color);
                    }
                }
            }
        }
        borderWidth[side] = none ? 0f : w;
        borderColor[side] = c;
    }

    /** A length in points; {@code em} is the font size, {@code %} a share of {@code percentBase}; {@code fallback} when not a length. */
    static float length(String value, float em, float percentBase, float fallback) {
        String v = value.trim();
        int end = v.length();
        while (end > 0 && Character.isLetter(v.charAt(end - 1)) || end > 0 && v.charAt(end - 1) == '%') {
            end--;
        }
        float n = number(v.substring(0, end));
        if (Float.isNaN(n)) {
            return fallback;
        }
        return switch (v.substring(end)) {
            case "pt" -> n;
            case "mm" -> n * MM;
            case "cm" -> n * MM * 10f;
            case "in" -> n * 72f;
            case "pc" -> n * 12f;
            case "px" -> n * 0.75f;
            case "em" -> n * em;
            case "rem" -> n * 12f;
            case "ex" -> n * em * 0.5f;
            case "%" -> n * percentBase / 100f;
            case "" -> n == 0f ? 0f : fallback;
            default -> fallback;
        };
    }

    static float number(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Float.NaN;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || (i == 0 && (c == '-' || c == '+')))) {
                return Float.NaN;
            }
        }
        try {
            return Float.parseFloat(t);
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }

    /** A colour as 0xRRGGBB; -1 for transparent or what is not a colour ({@code currentColor} is the text colour). */
    static int color(String value, int current) {
        String v = value.trim();
        if (v.startsWith("#")) {
            String hex = v.substring(1);
            if (hex.length() == 3 || hex.length() == 4) {
                hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
            } else if (hex.length() == 8) {
                hex = hex.substring(0, 6);
            }
            if (hex.length() == 6 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return Integer.parseInt(hex, 16);
            }
            return -1;
        }
        if (v.startsWith("rgb")) {
            int open = v.indexOf('(');
            int close = v.indexOf(')');
            if (open > 0 && close > open) {
                String[] parts = v.substring(open + 1, close).split("[,\\s/]+");
                if (parts.length >= 3) {
                    int rgb = 0;
                    for (int i = 0; i < 3; i++) {
                        String p = parts[i].trim();
                        float n = p.endsWith("%") ? number(p.substring(0, p.length() - 1)) * 2.55f : number(p);
                        if (Float.isNaN(n)) {
                            return -1;
                        }
                        rgb = rgb << 8 | Math.max(0, Math.min(255, Math.round(n)));
                    }
                    return rgb;
                }
            }
            return -1;
        }
        return switch (v) {
            case "black" -> 0x000000;
            case "white" -> 0xffffff;
            case "red" -> 0xff0000;
            case "green" -> 0x008000;
            case "blue" -> 0x0000ff;
            case "yellow" -> 0xffff00;
            case "gray", "grey" -> 0x808080;
            case "silver" -> 0xc0c0c0;
            case "navy" -> 0x000080;
            case "maroon" -> 0x800000;
            case "purple" -> 0x800080;
            case "teal" -> 0x008080;
            case "olive" -> 0x808000;
            case "orange" -> 0xffa500;
            case "currentcolor" -> current;
            default -> -1;
        };
    }
}
