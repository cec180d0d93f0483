package org.followthrough.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.followthrough.format.Characters;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.ConflictMarkers;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * Parses one YAML file into a {@link Node} tree with locations; syntax errors become problems.
 * Characters that cannot be published, tabs used for indentation, and the YAML features the format
 * does not use (anchors, aliases, merge keys, tags) are each named at their own line and column.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    /** The deepest the format lets mappings and lists lie within one another; it needs about six. */
    public static final int MAX_NESTING = 100;

    private YamlReader() {
    }

    public static Optional<Node> read(SourceFile file, Problems problems) {
        if (!Characters.controlFree(file.text(), file.display(), problems)) {
            // Reported at its place: SnakeYAML would report it at the start of the file, as a "special character".
            return Optional.empty();
        }
        if (!ConflictMarkers.none(file.text(), file.display(), problems)) {
            // YAML would fail at some line below the marker, and say nothing of why
            return Optional.empty();
        }
        Optional<Characters.Found> separator = Characters.first(file.text(), c -> c == 0x2028 || c == 0x2029);
        if (separator.isPresent()) {
            // YAML ends a line there, so every line and column it gives after it would be off from what an editor shows
            Characters.Found found = separator.get();
            problems.error(new Location(file.display(), found.line(), found.column()), "this line holds an invisible "
                            + found.describe() + " character, which YAML reads as the end of a line",
                    "delete it (it often comes with text copied from a PDF or a web page); to start a new line, press Enter");
            return Optional.empty();
        }
        try (YAMLParser parser = FACTORY.createParser(file.text())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(Location.of(file.display()), "the file is empty",
                        "write the fields this kind of file needs (see the content format reference)");
                return Optional.empty();
            }
            Reading reading = new Reading(parser, file.display(), problems);
            Node root = reading.value(false);
            JsonToken after = parser.nextToken();
            if (root instanceof Node.Scalar scalar && scalar.text().isBlank() && after == null) {
                // a line of '---' alone (or an empty quoted text) is a document with nothing in it, not text where fields belong
                problems.error(new Location(file.display(), 1, 1), "the file holds no fields, only a YAML document's start or an empty text",
                        "write the fields this kind of file needs (see the content format reference)");
                return Optional.empty();
            }
            if (after != null) {
                problems.error(location(file.display(), parser.currentTokenLocation()),
                        "the file holds more than one YAML document", "remove the second '---' and what follows, or move it to its own file");
            }
            YamlPitfalls.warn(file, problems);
            // A tree read through an alias or a merge key is not what the editor meant: checking it would only mislead.
            return reading.unsupported ? Optional.empty() : Optional.of(root);
        } catch (TooDeep e) {
            problems.error(e.at, "mappings and lists lie more than " + MAX_NESTING + " levels deep within one another here",
                    "the content format never needs more than a few levels: look for a '[' or '{' that is never closed, "
                            + "or indentation that runs on");
            return Optional.empty();
        } catch (JsonProcessingException e) {
            Location at = location(file.display(), e.getLocation());
            Optional<Location> tab = tabIndentation(file);
            if (tab.isPresent() && (at.line() == 0 || tab.get().line() <= at.line() + 1)) {
                // SnakeYAML stops at the end of the line before the tab and never says "tab".
                problems.error(tab.get(), "a tab is used for indentation", "indent with spaces: YAML does not allow tabs there "
                        + "(most editors can be set to insert spaces when Tab is pressed)");
                return Optional.empty();
            }
            Optional<Location> space = oddSpaceIndentation(file);
            if (space.isPresent() && (at.line() == 0 || Math.abs(space.get().line() - at.line()) <= 1)) {
                problems.error(space.get(), Characters.ODD_SPACE_INDENTATION, Characters.ODD_SPACE_INDENTATION_HINT);
                return Optional.empty();
            }
            YamlSyntaxError plain = YamlSyntaxError.of(file.display(), file.text(), e, at, describe(e));
            // An alias or anchor already named on this line ('*Monthly audit') is the mistake; what the parser says next follows from it.
            boolean told = problems.sorted().stream().anyMatch(p -> p.isError() && p.location().file().equals(plain.at().file())
                    && p.location().line() == plain.at().line());
            if (!told) {
                problems.error(plain.at(), plain.message(), plain.hint());
            }
            return Optional.empty();
        } catch (IOException e) {
            problems.error(Location.of(file.display()), "could not read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The first tab in the white space that starts a line, if any. */
    private static Optional<Location> tabIndentation(SourceFile file) {
        return firstInIndentation(file, c -> c == '\t');
    }

    /** The first space other than an ordinary one (U+0020), such as a non-breaking space, in the white space that starts a line. */
    private static Optional<Location> oddSpaceIndentation(SourceFile file) {
        return firstInIndentation(file, c -> c != ' ' && c != '\t' && Character.isSpaceChar(c));
    }

    /** The first character {@code wanted} finds in the white space (spaces, tabs and other spaces) that starts a line. */
    private static Optional<Location> firstInIndentation(SourceFile file, java.util.function.IntPredicate wanted) {
        String text = file.text();
        int line = 1;
        int column = 1;
        boolean indentation = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                indentation = true;
                continue;
            }
            if (indentation && wanted.test(c)) {
                return Optional.of(new Location(file.display(), line, column));
            }
            indentation &= c == ' ' || c == '\t' || Character.isSpaceChar(c);
            column++;
        }
        return Optional.empty();
    }

    /** One pass over a file's tokens, noting the YAML features the format does not support: the first of each kind. */
    private static final class Reading {
        private final YAMLParser parser;
        private final String file;
        private final Problems problems;
        private final Set<String> reported = new HashSet<>();
        private boolean unsupported;
        private int depth;

        Reading(YAMLParser parser, String file, Problems problems) {
            this.parser = parser;
            this.file = file;
            this.problems = problems;
        }

        /** Reads the value at the current token; {@code merged} when it is the value of a merge key, already reported. */
        Node value(boolean merged) throws IOException {
            return value(merged, false);
        }

        /** @param item the value is an item of a list, whose first field begins each item ("- ref: …") */
        Node value(boolean merged, boolean item) throws IOException {
            JsonLocation where = parser.currentTokenLocation();
            int line = line(where);
            int column = column(where);
            JsonToken token = parser.currentToken();
            // A YAML parser gives a node's anchor as its object id.
            String anchor = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY ? parser.getObjectId() : null;
            if (anchor != null) {
                unsupported("anchor", "'&" + anchor + "' is a YAML anchor, which the content format does not use", at(line, column),
                        "remove '&" + anchor + "' and write the values out in full wherever they are needed");
            }
            String tag = parser.getTypeId();
            if (tag != null) {
                String written = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
                unsupported("tag", "'" + written + "' is a YAML tag, which the content format does not use", at(line, column),
                        "remove '" + written + "': each value is read as its field says (put a value in double quotes to keep it text)");
            }
            if (parser.isCurrentAlias() && !merged) {
                unsupported("alias", "'*" + parser.getText() + "' is a YAML alias, which the content format does not use", at(line, column),
                        "write the value out in full here: every value is read where it is written");
            }
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth == MAX_NESTING) {
                throw new TooDeep(at(line, column));
            }
            switch (token) {
                case START_OBJECT: {
                    depth++;
                    List<Node.Mapping.Entry> entries = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    boolean another = false;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = ContentFormat.fieldName(parser.currentName());
                        JsonLocation keyWhere = parser.currentTokenLocation();
                        int keyLine = line(keyWhere);
                        int keyColumn = column(keyWhere);
                        boolean merge = key.equals("<<");
                        if (merge) {
                            unsupported("merge key", "'<<' is a YAML merge key, which the content format does not use", at(keyLine, keyColumn),
                                    "write the fields out in full in this entry instead of merging them in from another");
                        }
                        parser.nextToken();
                        Node value = value(merge);
                        if (!seen.add(key)) {
                            if (item && !another && !entries.isEmpty() && key.equals(entries.get(0).key())) {
                                // the field that begins each item, again: another item written without its dash, whose
                                // other fields are then all "twice" too; keeping one of them would lose that item
                                another = true;
                                problems.error(at(keyLine, keyColumn), "a second '" + key + "' here begins another item of the list, written"
                                        + " without the '- ' that begins each item", "write '- ' before it, in line with the first"
                                        + " item's: - " + key + ": …");
                            } else if (!another) {
                                problems.error(at(keyLine, keyColumn), "field '" + key + "' is written twice in the same place",
                                        "keep one of them; YAML would silently use only the last");
                            }
                            continue;
                        }
                        entries.add(new Node.Mapping.Entry(key, keyLine, keyColumn, value));
                    }
                    depth--;
                    return new Node.Mapping(List.copyOf(entries), file, line, column);
                }
                case START_ARRAY: {
                    depth++;
                    List<Node> items = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(false, true));
                    }
                    depth--;
                    return new Node.Sequence(List.copyOf(items), file, line, column);
                }
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return new Node.Scalar(parser.getText(), Node.Scalar.Kind.NUMBER, file, line, column);
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return new Node.Scalar(parser.getText(), Node.Scalar.Kind.BOOLEAN, file, line, column);
                case VALUE_NULL:
                    return new Node.Scalar("", Node.Scalar.Kind.NULL, file, line, column);
                default:
                    return new Node.Scalar(Characters.oneKindOfLineBreak(parser.getText()), Node.Scalar.Kind.STRING, file, line, column);
            }
        }

        /** A place in the file, made only for a problem told there: the nodes keep theirs as numbers. */
        private Location at(int line, int column) {
            return new Location(file, line, column);
        }

        /** Reports the first use of a feature in the file; the hint says how to replace them all. */
        private void unsupported(String feature, String message, Location at, String hint) {
            if (reported.add(feature)) {
                problems.error(at, message, hint + " (the first " + feature + " in this file)");
            }
            unsupported = true;
        }
    }

    /** Nesting deeper than {@link #MAX_NESTING}, where it first goes too deep: reading stops there. */
    private static final class TooDeep extends RuntimeException {
        private final transient Location at;

        TooDeep(Location at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private static Location location(String file, JsonLocation where) {
        return new Location(file, line(where), column(where));
    }

    private static int line(JsonLocation where) {
        return where == null ? 0 : Math.max(where.getLineNr(), 0);
    }

    private static int column(JsonLocation where) {
        return where == null ? 0 : Math.max(where.getColumnNr(), 0);
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "the file could not be read as YAML";
        }
        if (message.startsWith("Expected a field name") && message.contains("snakeyaml.events.")) {
            // "? [a, b]" or "? {a: b}": the parser names its own event classes
            return "a key here is a list or a mapping (written after '?'), where the format's keys are words";
        }
        // SnakeYAML's messages carry a quoted copy of the line with a caret; the location already says where.
        String firstLine = message.strip().lines().findFirst().orElse(message).strip();
        return firstLine.replaceAll("\\s+", " ");
    }
}
