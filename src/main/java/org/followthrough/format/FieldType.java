package org.followthrough.format;

import java.util.List;

/** The kinds of value a field can hold; each knows how editors should write it. */
public sealed interface FieldType {

    /** How the expected value is named in messages: "a date (YYYY-MM-DD)". */
    String describe();

    record Text() implements FieldType {
        public String describe() {
            return "text";
        }
    }

    record MarkdownText() implements FieldType {
        public String describe() {
            return "Markdown text, or {file: name.md}";
        }
    }

    record Date() implements FieldType {
        public String describe() {
            return "a date (YYYY-MM-DD)";
        }
    }

    record FlexDate() implements FieldType {
        public String describe() {
            return "a date (YYYY-MM-DD), a month (YYYY-MM), 'ongoing', or {as_published: \"…\", date: …}";
        }
    }

    record Reference(RefKind kind) implements FieldType {
        public String describe() {
            return "the id of " + (kind == RefKind.ORGANISATION ? "an organisation" : "a " + kind.noun());
        }
    }

    record Choice(List<String> values) implements FieldType {
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    record Whole(int min, int max) implements FieldType {
        public String describe() {
            return "a whole number from " + min + " to " + max;
        }
    }

    /** Text that must match a pattern; {@code example} shows editors the form. */
    record Patterned(String name, TextPattern pattern, String example, String hint) implements FieldType {
        /** A pattern whose hint is its example: "write it like en-GB". */
        public Patterned(String name, TextPattern pattern, String example) {
            this(name, pattern, example, "write it like " + example);
        }

        public String describe() {
            return name + " such as " + example;
        }
    }

    record TimeZone() implements FieldType {
        public String describe() {
            return "an IANA time zone such as Europe/London";
        }
    }

    record ListOf(FieldType item) implements FieldType {
        public String describe() {
            return item instanceof Nested nested ? "a list of " + nested.shape().name() + " entries, each a set of fields"
                    : "a list of " + item.describe();
        }
    }

    /**
     * A set of 'id: value' lines whose ids the content declares elsewhere (a plan's extra columns), each
     * id a reference of {@code keys}' kind.
     */
    record Keyed(RefKind keys, FieldType value) implements FieldType {
        public String describe() {
            return "a set of 'id: value' lines, one per " + keys.noun();
        }
    }

    record Nested(Shape shape) implements FieldType {
        public String describe() {
            return "a set of fields (" + shape.name() + ")";
        }
    }
}
