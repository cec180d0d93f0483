package org.followthrough.model;

/**
 * How a number or ref as published becomes part of an address ("1A" → "1a", "3.1.2" → "3-1-2"): recommendations'
 * folders and the anchors of recommendations and actions. Two that give the same slug would share an address, which
 * {@code check} refuses.
 */
public final class Slug {

    private Slug() {
    }

    /** Letters and digits kept, lower case; every other run of characters becomes one hyphen, none at the ends. */
    public static String of(String published) {
        // without regular expressions: anchors are made for every link of every page
        StringBuilder slug = new StringBuilder(published.length());
        boolean gap = false;
        for (int i = 0; i < published.length(); i++) {
            char c = published.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                if (gap && slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(lower);
                gap = false;
            } else {
                gap = true;
            }
        }
        return slug.length() == 0 ? "x" : slug.toString();
    }
}
