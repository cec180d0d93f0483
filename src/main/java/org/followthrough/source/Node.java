package org.followthrough.source;

import java.util.List;
import java.util.Optional;
import org.followthrough.problem.Location;

/** A YAML value that remembers where it was written, so that every problem can point at its line. */
public sealed interface Node permits Node.Scalar, Node.Sequence, Node.Mapping {

    Location location();

    /** What an editor would call this kind of value, for messages such as "expected a list, found text". */
    String describe();

    /** A scalar: the text as written, and whether YAML would read it as a number, boolean or null. */
    record Scalar(String text, Kind kind, Location location) implements Node {
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

    record Sequence(List<Node> items, Location location) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    record Mapping(List<Entry> entries, Location location) implements Node {
        public record Entry(String key, Location keyLocation, Node value) {
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
