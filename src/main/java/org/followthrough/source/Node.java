package org.followthrough.source;

import java.util.List;
import java.util.Optional;
import org.followthrough.problem.Location;

/**
 * A YAML value that remembers where it was written, so that every problem can point at its line. The place is kept as
 * the file's name (one string for the whole file) and two numbers, and made a {@link Location} only when asked: a content
 * folder of a thousand plans holds about a million values and as many keys, and a {@code Location} object for each was
 * a ninth of the memory held while the content is checked.
 */
public sealed interface Node permits Node.Scalar, Node.Sequence, Node.Mapping {

    /** The file the value was written in, as problems name it. */
    String file();

    /** The line the value starts on, from 1; 0 where the parser could not say. */
    int line();

    /** The column the value starts at, from 1; 0 where the parser could not say. */
    int column();

    default Location location() {
        return new Location(file(), line(), column());
    }

    /** What an editor would call this kind of value, for messages such as "expected a list, found text". */
    String describe();

    /** A scalar: the text as written, and whether YAML would read it as a number, boolean or null. */
    record Scalar(String text, Kind kind, String file, int line, int column) implements Node {
        public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "text";
                case NUMBER -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing";
            };
        }
    }

    record Sequence(List<Node> items, String file, int line, int column) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    record Mapping(List<Entry> entries, String file, int line, int column) implements Node {
        /** A field: its key, where the key is written (in the value's file), and its value. */
        public record Entry(String key, int keyLine, int keyColumn, Node value) {
            public Location keyLocation() {
                return new Location(value.file(), keyLine, keyColumn);
            }
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a set of fields";
        }
    }
}
