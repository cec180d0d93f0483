package org.followthrough.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
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
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/** Parses one YAML file into a {@link Node} tree with locations; syntax errors become problems. */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {
    }

    public static Optional<Node> read(SourceFile file, Problems problems) {
        try (YAMLParser parser = FACTORY.createParser(file.text())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(Location.of(file.display()), "the file is empty",
                        "write the fields this kind of file needs (see the content format reference)");
                return Optional.empty();
            }
            Set<String> ignored = new HashSet<>();
            Node root = readValue(parser, file.display(), problems, ignored);
            if (parser.nextToken() != null) {
                problems.error(location(file.display(), parser.currentTokenLocation()),
                        "the file holds more than one YAML document", "remove the second '---' and what follows, or move it to its own file");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.error(location(file.display(), e.getLocation()), "YAML syntax error: " + describe(e),
                    "check the indentation and quoting on this line and the one before; quote text that contains ': ' or starts with a special character");
            return Optional.empty();
        } catch (IOException e) {
            problems.error(Location.of(file.display()), "could not read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Node readValue(JsonParser parser, String file, Problems problems, Set<String> ignored) throws IOException {
        Location at = location(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                List<Node.Mapping.Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(file, parser.currentTokenLocation());
                    parser.nextToken();
                    Node value = readValue(parser, file, problems, ignored);
                    if (!seen.add(key)) {
                        problems.error(keyAt, "field '" + key + "' is written twice in the same place",
                                "keep one of them; YAML would silently use only the last");
                        continue;
                    }
                    entries.add(new Node.Mapping.Entry(key, keyAt, value));
                }
                return new Node.Mapping(List.copyOf(entries), at);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file, problems, ignored));
                }
                return new Node.Sequence(List.copyOf(items), at);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(parser.getText(), Node.Scalar.Kind.NUMBER, at);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(parser.getText(), Node.Scalar.Kind.BOOLEAN, at);
            case VALUE_NULL:
                return new Node.Scalar("", Node.Scalar.Kind.NULL, at);
            default:
                return new Node.Scalar(parser.getText(), Node.Scalar.Kind.STRING, at);
        }
    }

    private static Location location(String file, JsonLocation loc) {
        if (loc == null) {
            return Location.of(file);
        }
        return new Location(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "the file could not be read as YAML";
        }
        // SnakeYAML's messages carry a quoted copy of the line with a caret; the location already says where.
        String firstLine = message.strip().lines().findFirst().orElse(message).strip();
        return firstLine.replaceAll("\\s+", " ");
    }
}
