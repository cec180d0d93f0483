package org.followthrough.scaffold;

/** Text written into YAML by hand-made templates: quoted so that any value reads back as the same text. */
final class YamlText {

    private YamlText() {
    }

    /** A double-quoted YAML scalar: safe whatever the text holds (': ', '#', quotes, a leading '-'). */
    static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
