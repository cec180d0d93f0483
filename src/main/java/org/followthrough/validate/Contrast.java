package org.followthrough.validate;

/** WCAG 2 contrast ratio between two sRGB colours written as #rrggbb. */
public final class Contrast {

    private Contrast() {
    }

    public static double ratio(String colourA, String colourB) {
        double a = luminance(colourA);
        double b = luminance(colourB);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
