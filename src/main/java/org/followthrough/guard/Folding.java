package org.followthrough.guard;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * How a character is compared with protected names: letters and digits fold to a form without
 * case or accents ("É" and "e" alike, "ß" as "ss", "ø" as "o"); marks and invisible formatting
 * characters (soft hyphens, zero-width spaces) vanish, so they can neither hide a name nor split it;
 * everything else (spaces, line breaks, punctuation) separates words. Thread-safe.
 */
final class Folding {

    /** What {@link #fold} returns for a character that separates words. */
    static final String SEPARATOR = " ";
    /** What {@link #fold} returns for a character that is not there as far as names go. */
    static final String NOTHING = "";

    /** Letters that neither decomposition nor case folding take to their base letter. */
    private static final Map<String, String> BASE_LETTERS = Map.ofEntries(
            Map.entry("ø", "o"), Map.entry("đ", "d"), Map.entry("ð", "d"), Map.entry("ł", "l"), Map.entry("ħ", "h"),
            Map.entry("ŧ", "t"), Map.entry("þ", "th"), Map.entry("æ", "ae"), Map.entry("œ", "oe"), Map.entry("ı", "i"),
            Map.entry("ŀ", "l"), Map.entry("ĸ", "k"));

    private static final String[] ASCII = new String[128];
    /** Folds of the Basic Multilingual Plane, worked out when first met; a race only works one out twice. */
    private static final String[] BMP = new String[0x10000];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = Character.isLetterOrDigit(c) ? String.valueOf((char) Character.toLowerCase(c)) : SEPARATOR;
        }
    }

    private Folding() {
    }

    /** The folded letters and digits of a code point; {@link #SEPARATOR} or {@link #NOTHING} otherwise. */
    static String fold(int codePoint) {
        if (codePoint < 128) {
            return ASCII[codePoint];
        }
        if (codePoint < 0x10000) {
            String known = BMP[codePoint];
            if (known == null) {
                known = compute(codePoint);
                BMP[codePoint] = known;
            }
            return known;
        }
        return compute(codePoint);
    }

    /** The folded form of a whole text, its letters and digits only: a protected name as it is looked for. */
    static String letters(CharSequence text) {
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            String f = fold(c);
            if (f != SEPARATOR) {
                folded.append(f);
            }
            i += Character.charCount(c);
        }
        return folded.toString();
    }

    private static String compute(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT || isMark(type)) {
            return NOTHING;
        }
        if (!Character.isLetterOrDigit(codePoint)) {
            return SEPARATOR;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder();
        decomposed.codePoints().forEach(part -> {
            if (!Character.isLetterOrDigit(part)) {
                return; // a mark decomposed off the letter, or a stray part of a compatibility form ("½")
            }
            // Upper then lower case: the nearest Java comes to full case folding ("ß" → "SS" → "ss", "ς" → "Σ" → "σ").
            String lower = new String(Character.toChars(part)).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            lower.codePoints().filter(Character::isLetterOrDigit).forEach(c -> {
                String s = new String(Character.toChars(c));
                folded.append(BASE_LETTERS.getOrDefault(s, s));
            });
        });
        return folded.length() == 0 ? NOTHING : folded.toString();
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
