package org.followthrough.render.pdf.typeset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small part of CSS the typesetter reads: rules whose selectors are type and class selectors
 * joined by descendant or child combinators ({@code table.actions col.ref}, {@code thead > tr th}),
 * with declarations as property–value pairs. At-rules ({@code @page}, {@code @media}) and rules
 * with any other selector (ids, attributes, pseudo-classes, siblings) are skipped, so a stylesheet
 * written for browsers parses, and only what the typesetter understands takes effect.
 */
final class Css {

    private Css() {
    }

    /** One selector of a rule, with its declarations; {@code order} is its position in the cascade. */
    record Rule(Selector selector, int specificity, int order, boolean userAgent, List<Declaration> declarations) {
    }

    record Declaration(String property, String value) {
    }

    /** A complex selector, compounds from left to right, {@code child[i]} saying whether compound i+1 must be a child of i. */
    record Selector(List<Compound> compounds, boolean[] child) {

        boolean matches(StyleNode node) {
            return matches(node, compounds.size() - 1);
        }

        private boolean matches(StyleNode node, int index) {
            if (!compounds.get(index).matches(node)) {
                return false;
            }
            if (index == 0) {
                return true;
            }
            if (child[index - 1]) {
                return node.parent() != null && matches(node.parent(), index - 1);
            }
            for (StyleNode ancestor = node.parent(); ancestor != null; ancestor = ancestor.parent()) {
                if (matches(ancestor, index - 1)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A type selector (or none, or {@code *}) with class selectors. */
    record Compound(String tag, List<String> classes) {

        boolean matches(StyleNode node) {
            if (tag != null && !tag.equals(node.tag())) {
                return false;
            }
            for (String c : classes) {
                if (!node.hasClass(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Parses a stylesheet; rules get orders from {@code firstOrder} on, in their order in the text. */
    static List<Rule> parse(String css, boolean userAgent, int firstOrder) {
        String text = stripComments(css);
        List<Rule> rules = new ArrayList<>();
        int order = firstOrder;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                break;
            }
            String prelude = text.substring(i, open).strip();
            int close = matchingBrace(text, open);
            String body = text.substring(open + 1, close);
            i = close + 1;
            if (prelude.startsWith("@")) {
                continue; // @page, @media, @font-face: the page and the fonts are fixed
            }
            List<Declaration> declarations = declarations(body);
            for (String part : prelude.split(",")) {
                Selector selector = selector(part.strip());
                if (selector != null) {
                    rules.add(new Rule(selector, specificity(selector), order++, userAgent, declarations));
                }
            }
        }
        return rules;
    }

    private static String stripComments(String css) {
        StringBuilder out = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            int start = css.indexOf("/*", i);
            if (start < 0) {
                out.append(css, i, css.length());
                break;
            }
            out.append(css, i, start);
            int end = css.indexOf("*/", start + 2);
            i = end < 0 ? css.length() : end + 2;
        }
        return out.toString();
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static List<Declaration> declarations(String body) {
        List<Declaration> list = new ArrayList<>();
        for (String part : body.split(";")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String property = part.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(colon + 1).strip();
            if (value.endsWith("!important")) {
                value = value.substring(0, value.length() - "!important".length()).strip();
            }
            if (!property.isEmpty() && !value.isEmpty()) {
                list.add(new Declaration(property, value));
            }
        }
        return List.copyOf(list);
    }

    /** The selector, or null when it uses anything beyond type, class, descendant and child selectors. */
    static Selector selector(String text) {
        if (text.isEmpty()) {
            return null;
        }
        List<Compound> compounds = new ArrayList<>();
        List<Boolean> child = new ArrayList<>();
        boolean nextIsChild = false;
        for (String token : text.replace(">", " > ").trim().split("\\s+")) {
            if (token.equals(">")) {
                if (compounds.isEmpty() || nextIsChild) {
                    return null;
                }
                nextIsChild = true;
                continue;
            }
            Compound compound = compound(token);
            if (compound == null) {
                return null;
            }
            if (!compounds.isEmpty()) {
                child.add(nextIsChild);
            }
            compounds.add(compound);
            nextIsChild = false;
        }
        if (compounds.isEmpty() || nextIsChild) {
            return null;
        }
        boolean[] flags = new boolean[child.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = child.get(i);
        }
        return new Selector(List.copyOf(compounds), flags);
    }

    private static Compound compound(String token) {
        String[] parts = token.split("\\.", -1);
        String tag = parts[0].toLowerCase(Locale.ROOT);
        if (!tag.isEmpty() && !tag.equals("*") && !tag.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
            return null;
        }
        List<String> classes = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String c = parts[i];
            if (c.isEmpty() || !c.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) {
                return null;
            }
            classes.add(c);
        }
        return new Compound(tag.isEmpty() || tag.equals("*") ? null : tag, List.copyOf(classes));
    }

    /** Classes count ten, types one: enough to order the selectors this subset allows. */
    private static int specificity(Selector selector) {
        int s = 0;
        for (Compound c : selector.compounds()) {
            s += c.classes().size() * 10 + (c.tag() != null ? 1 : 0);
        }
        return s;
    }
}
