package org.followthrough.render.pdf.typeset;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An element's place in a document as the stylesheet sees it (its tag, its classes and its parent's
 * place), with the style computed for it. The typesetter's documents repeat a few shapes thousands of
 * times, so each place is computed once per stylesheet and shared, from any thread.
 */
final class StyleNode {

    private final Stylesheet sheet;
    private final StyleNode parent;
    private final String tag;
    private final String[] classes;
    final Display display;
    final Style style;
    private final ConcurrentHashMap<String, StyleNode> children = new ConcurrentHashMap<>();

    /** The node above {@code <html>}: initial values only. */
    StyleNode(Stylesheet sheet) {
        this.sheet = sheet;
        this.parent = null;
        this.tag = "";
        this.classes = new String[0];
        this.display = Display.BLOCK;
        this.style = new Style();
    }

    private StyleNode(Stylesheet sheet, StyleNode parent, String tag, String classAttribute) {
        this.sheet = sheet;
        this.parent = parent;
        this.tag = tag;
        this.classes = classAttribute.isBlank() ? new String[0] : classAttribute.trim().split("\\s+");
        this.display = Display.of(tag);
        Style s = Style.inherit(parent.style, display);
        for (Css.Rule rule : sheet.rules()) {
            if (rule.selector().matches(this)) {
                s.apply(rule.declarations(), parent.style.fontSize);
            }
        }
        this.style = s;
    }

    StyleNode child(String childTag, String classAttribute) {
        String key = classAttribute.isEmpty() ? childTag : childTag + ' ' + classAttribute;
        StyleNode node = children.get(key);
        return node != null ? node : children.computeIfAbsent(key, k -> new StyleNode(sheet, this, childTag, classAttribute));
    }

    StyleNode parent() {
        return parent;
    }

    String tag() {
        return tag;
    }

    boolean hasClass(String name) {
        for (String c : classes) {
            if (c.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
