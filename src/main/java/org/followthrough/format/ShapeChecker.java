package org.followthrough.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followthrough.model.Markdown;
import org.followthrough.model.Target;
import org.followthrough.model.TargetDate;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.problem.Suggestions;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.Node;
import org.followthrough.source.SourceFile;
import org.followthrough.source.YamlLines;

/**
 * Checks a YAML tree against a {@link Shape} and converts its values, reporting every unknown
 * field, missing field, wrong type and impossible date with its line. Markdown written as
 * {@code {file: name.md}} is looked up among the loaded content files, relative to the YAML file.
 */
public final class ShapeChecker {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    /** A line that reads as a field: a name as the format writes them, a colon, and a space or the line's end. */
    private static final Pattern FIELD_LINE = Pattern.compile("([a-z][a-z_]*):(?: |$)");
    private static final Pattern LISTED_FIELD_LINE = Pattern.compile("- +([a-z][a-z_]*):(?: |$)");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    public static final String ONGOING = "ongoing";

    private final ContentFiles files;
    /** The mappings met as items of a list, whose texts a next item pasted one level too deep may follow. */
    private final java.util.Set<Node> listItems = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Where each item of the list converted last was written, in the order of the items kept. */
    private List<Location> itemsAt = List.of();
    private final SourceFile file;
    /** The file's lines, split when first needed (for a block text, or a problem's place), then kept for the file's other texts. */
    private List<String> lines;
    private final Problems problems;

    public ShapeChecker(ContentFiles files, SourceFile file, Problems problems) {
        this.files = files;
        this.file = file;
        this.problems = problems;
    }

    /** Checks the root of the file; returns empty when the root is not an object at all. */
    public Optional<Doc> checkRoot(Node root, Shape shape) {
        if (!(root instanceof Node.Mapping mapping)) {
            problems.error(root.location(), "expected " + new FieldType.Nested(shape).describe() + ", found " + root.describe(),
                    "write one field per line as 'name: value'");
            return Optional.empty();
        }
        return Optional.of(checkObject(mapping, shape));
    }

    private Doc checkObject(Node.Mapping mapping, Shape shape) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Location> locations = new LinkedHashMap<>();
        for (Node.Mapping.Entry entry : mapping.entries()) {
            Optional<Field> field = shape.field(entry.key());
            if (field.isEmpty() && Characters.startsWithOddSpace(entry.key())) {
                // '\u00a0\u00a0role:' reads as a field of that name, spaces and all, wherever YAML can place it: the
                // spaces pasted from Word are the mistake, not the field's name
                problems.error(entry.keyLocation(), Characters.ODD_SPACE_INDENTATION, Characters.ODD_SPACE_INDENTATION_HINT);
                // the field it names was written, so neither this check nor a later rule calls it missing
                String meant = Characters.stripAnySpace(entry.key());
                if (shape.field(meant).isPresent()) {
                    locations.putIfAbsent(meant, entry.keyLocation());
                }
                continue;
            }
            if (field.isEmpty()) {
                String hint = Suggestions.didYouMean(entry.key(), shape.fieldNames());
                problems.error(entry.keyLocation(), "unknown field '" + entry.key() + "' in " + shape.name() + oddCharacter(entry.key()),
                        hint != null ? hint : "the fields of " + shape.name() + " are: " + String.join(", ", shape.fieldNames()));
                continue;
            }
            if (isNull(entry.value())) {
                if (field.get().required()) {
                    problems.error(entry.keyLocation(), "field '" + entry.key() + "' is empty",
                            "give it " + field.get().type().describe());
                }
                continue;
            }
            if (leftEmpty(entry.value()) && !(field.get().type() instanceof FieldType.Text) && !(field.get().type() instanceof FieldType.MarkdownText)) {
                // 'target:' with nothing after it: the value was never written, which is not a date, list or code
                problems.error(entry.keyLocation(), "field '" + entry.key() + "' is empty",
                        "give it " + field.get().type().describe() + (field.get().required() ? "" : ", or delete the line where the plan gives none"));
                locations.put(entry.key(), entry.value().location());
                continue;
            }
            if (blankText(entry.value()) && (field.get().type() instanceof FieldType.Text || field.get().type() instanceof FieldType.MarkdownText)) {
                // 'title:', 'title: ""' or 'title: #1 Priority actions' (all of it a comment): a page would publish an empty heading
                String hint = commentOnly(entry.value()) ? "YAML reads everything from ' #' on as a comment: put the text in quotes, e.g. "
                        + entry.key() + ": \"#1 …\"" : "write its text";
                if (field.get().required()) {
                    problems.error(entry.keyLocation(), "field '" + entry.key() + "' is empty", hint);
                } else {
                    problems.warning(entry.keyLocation(), "field '" + entry.key() + "' is empty, so it is published as if it were not there",
                            hint + ", or delete the line");
                }
                locations.put(entry.key(), entry.value().location());
                continue;
            }
            Object value = convert(entry.value(), field.get().type(), entry.key(), !field.get().required());
            if (value instanceof List<?> && field.get().type() instanceof FieldType.ListOf list && !(list.item() instanceof FieldType.Nested)) {
                // each item of a list of texts or ids where it was written, for the rules that refuse one of them
                for (int i = 0; i < itemsAt.size(); i++) {
                    locations.put(Doc.item(entry.key(), i), itemsAt.get(i));
                }
            }
            swallowedField(mapping, entry, shape);
            // Where a field was written, even if its value was refused: later rules must not call it missing.
            locations.put(entry.key(), entry.value().location());
            if (value != null) {
                values.put(entry.key(), value);
            }
        }
        for (Field field : shape.fields()) {
            if (field.required() && mapping.entry(field.name()).isEmpty() && !locations.containsKey(field.name())) {
                problems.error(mapping.location(), "missing required field '" + field.name() + "' in " + shape.name(),
                        "add '" + field.name() + ":' with " + field.type().describe());
            }
        }
        return new Doc(mapping.location(), Map.copyOf(values), Map.copyOf(locations));
    }

    /**
     * Tells an entry of a list whose fields are all those of an entry of one of its own lists, and not all its own: a progress
     * update pasted among the actions, its '-' under theirs. Told once, as that, rather than as an entry missing its required
     * fields and holding fields it does not know; the entry is left out. Where the fields fit more than one such list (a
     * lone 'text', which evidence, follow-ups and progress updates all have), nothing is told here.
     */
    private boolean pastedOneLevelOut(Node.Mapping mapping, Shape shape) {
        List<String> keys = mapping.entries().stream().map(Node.Mapping.Entry::key).toList();
        if (keys.isEmpty() || keys.stream().allMatch(key -> shape.field(key).isPresent())) {
            return false;
        }
        List<Shape> fits = shape.fields().stream()
                .map(Field::type)
                .filter(type -> type instanceof FieldType.ListOf list && list.item() instanceof FieldType.Nested)
                .map(type -> ((FieldType.Nested) ((FieldType.ListOf) type).item()).shape())
                .filter(inner -> inner != shape && keys.stream().allMatch(key -> inner.field(key).isPresent()))
                .distinct()
                .toList();
        if (fits.size() != 1) {
            return false;
        }
        Shape inner = fits.get(0);
        String field = shape.fields().stream()
                .filter(f -> f.type() instanceof FieldType.ListOf list && list.item() instanceof FieldType.Nested n && n.shape() == inner)
                .map(Field::name).findFirst().orElseThrow();
        problems.error(mapping.location(), "this entry of the list of " + plural(shape.name()) + " has the fields of "
                        + article(inner.name()) + " " + inner.name() + " (" + String.join(", ", keys) + "), not of " + article(shape.name()) + " "
                        + shape.name(),
                "if it is " + article(inner.name()) + " " + inner.name() + ", move it under the '" + field + ":' of its " + shape.name()
                        + ", its '-' in line with the '-' of the other " + plural(inner.name()) + " there");
        return true;
    }

    private static String plural(String name) {
        return name.equals("evidence") ? "items of evidence" : name.endsWith("s") ? name : name + "s";
    }

    /** "a progress update", "an owner", "an item of evidence". */
    private static String article(String name) {
        return name.equals("evidence") ? "an item of" : "aeiou".indexOf(name.charAt(0)) >= 0 ? "an" : "a";
    }

    /**
     * Warns of a line of a text over several lines that reads as a field this object may have but does not: indented as
     * far as the text, YAML reads it as more of the text, and the field is lost ({@code monitoring: …} under a
     * {@code description: |} or {@code description: >} one level too deep). The first such line of each text. A block's
     * lines are looked at as written, since a folded block ({@code >}) joins them into one.
     */
    private void swallowedField(Node.Mapping mapping, Node.Mapping.Entry entry, Shape shape) {
        if (!(entry.value() instanceof Node.Scalar scalar) || scalar.kind() != Node.Scalar.Kind.STRING) {
            return;
        }
        List<Location> places = new ArrayList<>();
        List<String> lines = blockLines(scalar, places);
        if (lines == null) {
            if (scalar.text().indexOf('\n') < 0) {
                return;
            }
            lines = List.of(scalar.text().split("\n", -1));
            places = null;
        }
        for (int i = 1; i < lines.size(); i++) {
            Matcher field = FIELD_LINE.matcher(lines.get(i));
            // a line of prose may begin with such a word where the text wraps: only one after a blank line or a finished
            // sentence, as a field below a text would be, is told
            String before = lines.get(i - 1).strip();
            boolean apart = before.isEmpty() || before.endsWith(".") || before.endsWith("!") || before.endsWith("?") || before.endsWith(":");
            Location place = places != null ? places.get(i) : placeIn(scalar, i + 1, 1);
            if (apart && field.lookingAt() && shape.field(field.group(1)).isPresent() && mapping.entry(field.group(1)).isEmpty()) {
                String name = field.group(1);
                problems.warning(place, "this line of '" + entry.key()
                                + "' reads as the field '" + name + "', but it is indented as far as the text above it, so it is published"
                                + " as part of that text and '" + name + "' is left empty",
                        "if '" + name + "' is a field of its own, start it in the same column as '" + entry.key() + "'");
                return;
            }
            // an entry of the same list pasted one level too deep: '- date: …' under the text of the entry before it, with
            // more of its fields below, further in (a Markdown list of 'term: words' has none)
            Matcher listed = LISTED_FIELD_LINE.matcher(lines.get(i));
            if (apart && listed.lookingAt() && shape.field(listed.group(1)).isPresent() && listItems.contains(mapping)
                    && i + 1 < lines.size() && continuesTheEntry(lines.get(i), lines.get(i + 1), shape)) {
                problems.warning(place, "this line of '" + entry.key() + "' reads as a new entry of the list ('- " + listed.group(1)
                                + ": …'), but it is indented as far as the text above it, so it is published as part of that text"
                                + " and the entry is lost",
                        "if it is an entry of its own, start its '-' in the same column as the '-' of the entry above");
                return;
            }
        }
    }

    /** Whether {@code next} is a field of the shape indented under the text after the '-' of {@code item}, as an entry's second field is. */
    private static boolean continuesTheEntry(String item, String next, Shape shape) {
        int fields = item.indexOf('-') + 1;
        while (fields < item.length() && item.charAt(fields) == ' ') {
            fields++;
        }
        // looked for at that column only: found anywhere else it is not the entry's field (and looking from every column of a
        // long line of letters took time as the square of its length)
        Matcher field = FIELD_LINE.matcher(next);
        return YamlLines.indent(next) == fields && fields < next.length() && field.region(fields, next.length()).lookingAt()
                && shape.field(field.group(1)).isPresent();
    }

    private List<String> lines() {
        if (lines == null) {
            lines = file.text().lines().toList();
        }
        return lines;
    }

    /**
     * The lines of a block text ({@code |} or {@code >}) as written, without their indentation, each with its place in
     * {@code places}; null for a text that is not a block.
     */
    private List<String> blockLines(Node.Scalar scalar, List<Location> places) {
        Location at = scalar.location();
        List<String> all = lines();
        if (at.line() < 1 || at.line() > all.size()) {
            return null;
        }
        String own = all.get(at.line() - 1);
        String start = own.substring(Math.min(own.length(), Math.max(0, at.column() - 1)));
        if (!start.startsWith("|") && !start.startsWith(">")) {
            return null;
        }
        int indent = -1;
        List<String> lines = new ArrayList<>();
        for (int i = at.line(); i < all.size(); i++) {
            String line = all.get(i);
            if (!line.isBlank()) {
                int its = YamlLines.indent(line);
                if (indent < 0) {
                    indent = its;
                }
                if (its < indent) {
                    break;
                }
            }
            lines.add(line.isBlank() ? "" : line.substring(indent));
            places.add(new Location(at.file(), i + 1, Math.max(indent, 0) + 1));
        }
        return lines;
    }

    /** Whether a value is text with nothing in it and nothing written for it: a field's name with nothing after it on its line. */
    private boolean leftEmpty(Node node) {
        if (!(node instanceof Node.Scalar scalar) || scalar.kind() != Node.Scalar.Kind.STRING || !scalar.text().isEmpty()) {
            return false;
        }
        String rest = restOfLine(scalar);
        // nothing after the name at all: a comment there ('brand_colour: #005eb8') is told where the field's value is checked
        return rest != null && rest.isBlank();
    }

    /** What is written on a value's line from where the value starts; null if the line cannot be found. */
    private String restOfLine(Node node) {
        List<String> lines = lines();
        Location at = node.location();
        if (at.line() < 1 || at.line() > lines.size()) {
            return null;
        }
        String line = lines.get(at.line() - 1);
        int column = at.column() - 1;
        return column >= line.length() ? "" : line.substring(column);
    }

    /** Whether a value is text with nothing but spaces in it, no-break spaces included. */
    private static boolean blankText(Node node) {
        return node instanceof Node.Scalar scalar && scalar.kind() == Node.Scalar.Kind.STRING
                && Characters.stripAnySpace(scalar.text()).isEmpty();
    }

    /** Whether all that follows a field's name on its line is a comment: a value that began with '#' and so became one. */
    private boolean commentOnly(Node node) {
        String rest = restOfLine(node);
        return rest != null && rest.stripLeading().startsWith("#");
    }

    private static boolean isNull(Node node) {
        return node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NULL;
    }

    /** Returns the converted value, or null after reporting a problem. */
    private Object convert(Node node, FieldType type, String name) {
        return convert(node, type, name, false);
    }

    /** @param optional the field may be left out: a placeholder's line may be deleted where the plan gives nothing */
    private Object convert(Node node, FieldType type, String name, boolean optional) {
        if (node instanceof Node.Scalar scalar && Placeholder.isIn(scalar.text())) {
            // told at the line of the text that holds it, which in a block below '|' is not the field's own
            List<String> textLines = List.of(scalar.text().split("\n", -1));
            int line = 0;
            while (!textLines.get(line).contains(Placeholder.MARK)) {
                line++;
            }
            // columns count characters, as every location does: an emoji before the mark is one, not two
            int column = textLines.get(line).codePointCount(0, textLines.get(line).indexOf(Placeholder.MARK));
            Location at = textLines.size() == 1 ? scalar.location() : placeIn(scalar, line + 1, column + 1);
            problems.error(at, Placeholder.MESSAGE + "'" + textLines.get(line).strip() + "'",
                    optional ? Placeholder.HINT_OPTIONAL : Placeholder.HINT);
            return null;
        }
        Optional<Location> pasted = indentedWithOddSpace(node, type);
        if (pasted.isPresent()) {
            problems.error(pasted.get(), Characters.ODD_SPACE_INDENTATION, Characters.ODD_SPACE_INDENTATION_HINT);
            return null;
        }
        if (type instanceof FieldType.ListOf list) {
            List<Node> items = node instanceof Node.Sequence seq ? seq.items() : List.of(node);
            if (!(node instanceof Node.Sequence) && list.item() instanceof FieldType.Nested) {
                return wrongType(node, type, name);
            }
            List<Object> result = new ArrayList<>();
            List<Location> placed = new ArrayList<>();
            for (Node item : items) {
                if (isNull(item)) {
                    problems.error(item.location(), "empty item in '" + name + "'", "remove the '-' with nothing after it");
                    continue;
                }
                if (blankText(item)) {
                    // "" or a no-break space pasted alone: the item would publish nothing, between separators
                    problems.error(item.location(), "empty item in '" + name + "'", "write its text, or remove the item");
                    continue;
                }
                listItems.add(item);
                Object value = convert(item, list.item(), name);
                if (value != null) {
                    result.add(value);
                    placed.add(item.location());
                }
            }
            itemsAt = List.copyOf(placed);
            // every item refused, each told where it is: the list is not given as empty, for a rule to tell again
            return result.isEmpty() && !items.isEmpty() ? null : List.copyOf(result);
        }
        if (type instanceof FieldType.Nested nested) {
            if (node instanceof Node.Mapping mapping) {
                if (listItems.contains(mapping) && pastedOneLevelOut(mapping, nested.shape())) {
                    return null;
                }
                return checkObject(mapping, nested.shape());
            }
            return wrongType(node, type, name);
        }
        if (type instanceof FieldType.Keyed keyed) {
            return keyed(node, keyed, name);
        }
        if (type instanceof FieldType.MarkdownText) {
            return markdown(node, name);
        }
        if (type instanceof FieldType.FlexDate) {
            return flexDate(node, name);
        }
        if (!(node instanceof Node.Scalar scalar)) {
            return wrongType(node, type, name);
        }
        if (!oneLine(scalar, name)) {
            return null;
        }
        String text = scalar.text().strip();
        Location at = scalar.location();
        if (type instanceof FieldType.Text) {
            // without the spaces at either end, no-break spaces pasted from Word too: a quoted " 3.1" is the ref 3.1 in the data
            return Characters.stripAnySpace(scalar.text());
        }
        if (type instanceof FieldType.Date) {
            return date(text, at, name, false).orElse(null);
        }
        if (type instanceof FieldType.Reference reference) {
            return new Ref(text, reference.kind(), at);
        }
        if (type instanceof FieldType.Choice choice) {
            if (choice.values().contains(text)) {
                return text;
            }
            String hint = Suggestions.didYouMean(text, choice.values());
            problems.error(at, "'" + text + "' is not a valid " + name,
                    hint != null ? hint : "use " + type.describe());
            return null;
        }
        if (type instanceof FieldType.Whole whole) {
            try {
                int n = Integer.parseInt(text);
                if (n >= whole.min() && n <= whole.max()) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            return wrongType(node, type, name);
        }
        if (type instanceof FieldType.Patterned patterned) {
            if (patterned.pattern().matches(text)) {
                return text;
            }
            // An unquoted colour such as #ffcc00 is a YAML comment, which leaves the field empty.
            boolean hash = patterned.example().startsWith("#");
            // an address copied without its scheme (www.trust.nhs.uk), which a page's link would take for a file of the site
            boolean schemeless = patterned.example().startsWith("https://") && !text.contains("://")
                    && patterned.pattern().matches("https://" + text);
            // a document's file name (guidelines.pdf), which https:// would make the address of no site
            boolean fileName = schemeless && DOCUMENT_FILE.matcher(text).matches();
            // a folder's address without its last '/' (https://trust.example/plans), the likeliest slip in a base_url
            boolean slashless = patterned.example().endsWith("/") && !text.endsWith("/") && patterned.pattern().matches(text + "/");
            problems.error(at, text.isEmpty() ? "'" + name + "' is empty" : "'" + text + "' is not " + patterned.name() + " for '" + name + "'",
                    fileName ? "this names a file, not a web address: give the address where the document is published (https://…)"
                            + ("link".equals(name) ? ", or, where it is not published, say where it is held in 'location'" : "")
                    : slashless ? "add a / at its end: " + text + "/"
                    : schemeless ? "begin it with https:// (or http:// where the site has no secure address): https://" + text
                    : !hash ? patterned.hint()
                            : text.isEmpty() ? "write it in quotes, like \"" + patterned.example() + "\": YAML reads an unquoted # as the start of a comment"
                            : "write # and six hexadecimal digits, like \"" + patterned.example() + "\" (in quotes: YAML reads an unquoted # as the start of a comment)");
            return null;
        }
        if (type instanceof FieldType.TimeZone) {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                problems.error(at, "'" + text + "' is not a time zone", "use an IANA time zone such as Europe/London");
                return null;
            }
        }
        throw new IllegalStateException("unhandled field type " + type);
    }

    /** Each 'id: value' line as the id (a reference, checked against what the content declares) and its converted value. */
    private Map<Ref, Object> keyed(Node node, FieldType.Keyed keyed, String name) {
        if (!(node instanceof Node.Mapping mapping)) {
            wrongType(node, keyed, name);
            return null;
        }
        Map<Ref, Object> values = new LinkedHashMap<>();
        for (Node.Mapping.Entry entry : mapping.entries()) {
            if (isNull(entry.value()) || entry.value() instanceof Node.Scalar scalar && scalar.text().isBlank()) {
                problems.error(entry.keyLocation(), "'" + entry.key() + "' in '" + name + "' is empty",
                        "give it " + keyed.value().describe() + ", or remove the line");
                continue;
            }
            Object value = convert(entry.value(), keyed.value(), entry.key());
            if (value != null) {
                values.put(new Ref(entry.key(), keyed.keys(), entry.keyLocation()), value);
            }
        }
        return java.util.Collections.unmodifiableMap(values);
    }

    /**
     * Where a value reads as it does only because the white space before it holds a no-break space pasted from Word:
     * {@code themes:} then {@code \u00a0- safeguarding} is one text, '\u00a0- safeguarding', not a list, and
     * {@code evidence:} then {@code \u00a0- text: …} is a set of fields, one of them named '\u00a0- text'. Told at that
     * space, rather than as a value of the wrong kind or an unknown theme. (A set of fields where one is expected checks
     * its own names: {@link #checkObject}.)
     */
    private static Optional<Location> indentedWithOddSpace(Node node, FieldType type) {
        if (node instanceof Node.Scalar scalar && scalar.kind() == Node.Scalar.Kind.STRING && Characters.startsWithOddSpace(scalar.text())
                && scalar.text().codePoints().dropWhile(c -> Character.isSpaceChar(c) || c == '\t').findFirst().orElse(0) == '-') {
            return Optional.of(scalar.location());
        }
        if (node instanceof Node.Mapping mapping && !(type instanceof FieldType.Nested) && !(type instanceof FieldType.FlexDate)) {
            return mapping.entries().stream().filter(entry -> Characters.startsWithOddSpace(entry.key()))
                    .map(Node.Mapping.Entry::keyLocation).findFirst();
        }
        return Optional.empty();
    }

    private Object wrongType(Node node, FieldType type, String name) {
        problems.error(node.location(), "'" + name + "' should be " + type.describe() + ", found " + found(node), wrongTypeHint(node, type, name));
        return null;
    }

    /** What was written instead, with the value itself where it is one ("the number 99999", "the text 'sample-trust'"). */
    private static String found(Node node) {
        if (!(node instanceof Node.Scalar scalar) || scalar.kind() == Node.Scalar.Kind.NULL) {
            return node.describe();
        }
        String text = scalar.text().strip();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return switch (scalar.kind()) {
            case NUMBER -> "the number " + shown;
            case BOOLEAN -> "'" + shown + "', which YAML reads as true or false";
            default -> "the text '" + shown + "'";
        };
    }

    private static String wrongTypeHint(Node node, FieldType type, String name) {
        if (type instanceof FieldType.ListOf list && list.item() instanceof FieldType.Nested nested) {
            return "write each " + nested.shape().name() + " on its own line starting with '- ', e.g. - {"
                    + nested.shape().fields().get(0).name() + ": …}";
        }
        if (type instanceof FieldType.Nested || type instanceof FieldType.Keyed) {
            return "write the fields of '" + name + "' on the lines below it, indented";
        }
        if (type instanceof FieldType.ListOf) {
            return null;
        }
        if (!(node instanceof Node.Scalar)) {
            return "write one value after '" + name + ":'; quote text that starts with '[', '{' or '-' or contains ': '";
        }
        return null;
    }

    /**
     * Where a field's name holds a character beyond printable ASCII, which no field's name has, that character, which may
     * not show (a zero-width space) or look like a letter of the name (a Cyrillic 'е'): ", whose name holds …"; else "" (a
     * space or a hyphen shows as what it is, and the name is told as written).
     */
    private static String oddCharacter(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i += Character.charCount(c);
                continue;
            }
            String where = i == 0 ? "at its start" : "after '" + name.substring(0, i) + "'";
            int type = Character.getType(c);
            String why = Character.isLetter(c) ? ", which is not one of the plain letters a to z that names are written in, though it may look like one"
                    : type == Character.FORMAT || type == Character.SPACE_SEPARATOR || type == Character.CONTROL ? ", which does not show" : "";
            return ", whose name holds " + Characters.describe(c) + " " + where + why;
        }
        return "";
    }

    /**
     * Whether a one-line value (a title, a name, an address, an id) is short enough to lay out, and free of characters
     * that cannot be published or that disguise it; reports why not.
     */
    private boolean oneLine(Node.Scalar scalar, String name) {
        String text = scalar.text().stripTrailing();
        if (text.length() > Limits.MAX_TEXT_LENGTH) {
            problems.error(scalar.location(), String.format(Locale.ROOT, "'%s' is %,d characters long; a one-line text may be at most %,d",
                            name, text.length(), Limits.MAX_TEXT_LENGTH),
                    "shorten it; longer text belongs in a Markdown field such as description, text, note or summary");
            return false;
        }
        // each kind of character that cannot be published is told, not only the first met, so that one check finds them all
        boolean publishable = controlFree(text, scalar.location(), name);
        Optional<Characters.Found> bidi = Characters.first(text, Characters.BIDI_CONTROL);
        if (bidi.isPresent()) {
            problems.error(scalar.location(), "'" + name + "' holds an invisible character that changes the direction of the text after it ("
                    + bidi.get().describe() + more(text, Characters.BIDI_CONTROL) + "), so it could display reversed",
                    "delete it: pages set the direction of text themselves");
        }
        Optional<Characters.Found> zeroWidth = Characters.first(text, Characters.ZERO_WIDTH);
        if (zeroWidth.isPresent()) {
            problems.error(scalar.location(), "'" + name + "' holds an invisible zero-width character (" + zeroWidth.get().describe()
                    + more(text, Characters.ZERO_WIDTH) + "), so it would differ from the same words typed plainly", "delete it");
        }
        if (!publishable || bidi.isPresent() || zeroWidth.isPresent()) {
            return false;
        }
        long lines = text.strip().lines().count();
        if (lines > 1) {
            problems.warning(scalar.location(), "'" + name + "' is one line of text, but this one runs over " + lines
                            + " lines: pages join them into one, and the CSV downloads keep the line breaks",
                    "write it on one line" + (name.equals("role") ? ", or give several roles as a list: role: [Team Manager, Clinical Lead]"
                            : "; longer text belongs in a Markdown field such as description, text or note"));
        }
        return true;
    }

    /** ", and 2 more such" where the text holds more than one character of a kind: each one is to delete. */
    private static String more(String text, java.util.function.IntPredicate kind) {
        long count = text.codePoints().filter(kind).count();
        return count > 1 ? ", and " + (count - 1) + " more such" : "";
    }

    /**
     * Reports a control character in a value. Those written as such are reported with their line when the file is
     * read; here are those written as escapes in quotes, such as "\x01".
     */
    private boolean controlFree(String text, Location at, String name) {
        Optional<Characters.Found> control = Characters.first(text, Characters.CONTROL);
        if (control.isEmpty()) {
            return true;
        }
        problems.error(at, "'" + name + "' holds a character that cannot be published (" + control.get().describe()
                        + more(text, Characters.CONTROL) + ")",
                "delete it, or the escape that writes it (such as \\x01 or \\u0001)");
        return false;
    }

    private Markdown markdown(Node node, String name) {
        if (node instanceof Node.Scalar scalar) {
            if (!controlFree(scalar.text(), scalar.location(), name) || beyondLayout(scalar.text(), line -> scalar.location())) {
                return null;
            }
            unpublished(scalar.text(), (line, column) -> placeIn(scalar, line, column));
            fileNameAsText(scalar, name);
            return new Markdown(scalar.text());
        }
        if (node instanceof Node.Mapping mapping && mapping.entries().size() == 1 && mapping.entries().get(0).key().equals("file")
                && mapping.entries().get(0).value() instanceof Node.Scalar fileName) {
            String resolved = resolve(fileName.text().strip());
            if (resolved == null || !resolved.endsWith(".md")) {
                problems.error(fileName.location(), "'" + fileName.text() + "' is not a Markdown file inside the content folder",
                        "give the name of a .md file in the same folder, e.g. {file: summary.md}");
                return null;
            }
            Optional<SourceFile> md = files.get(resolved);
            if (md.isEmpty() && files.isRefused(resolved)) {
                return null; // reported where the file is
            }
            if (md.isEmpty()) {
                String folder = resolved.contains("/") ? resolved.substring(0, resolved.lastIndexOf('/')) : "";
                Optional<String> miscased = files.paths(folder).stream().filter(p -> p.equalsIgnoreCase(resolved)).findFirst();
                problems.error(fileName.location(), "Markdown file '" + fileName.text() + "' does not exist"
                                + (miscased.isPresent() ? "" : " (looked for " + files.display(resolved) + ")"),
                        miscased.map(p -> "the folder holds " + p.substring(p.lastIndexOf('/') + 1) + ": file names are told apart by their"
                                + " capitals, so write the name as the file has it").orElseGet(() -> elsewhere(resolved)));
                return null;
            }
            if (md.get().text().isBlank() && !files.isTooLarge(resolved)) {
                // as an empty YAML file is: most often one never saved, and the field would be published empty
                problems.error(Location.of(md.get().display()), "the Markdown file is empty",
                        "write the text of '" + name + "' in it, or, where the plan gives none and the field is optional, delete the"
                                + " file and the line {file: " + fileName.text().strip() + "}");
                return null;
            }
            if (!Characters.controlFree(md.get().text(), md.get().display(), problems)
                    || !ConflictMarkers.noneInMarkdown(md.get().text(), md.get().display(), problems)
                    || beyondLayout(md.get().text(), line -> new Location(md.get().display(), line, 1))) {
                return null;
            }
            placeholderIn(md.get());
            unpublished(md.get().text(), (line, column) -> new Location(md.get().display(), line, column));
            return new Markdown(Characters.oneKindOfLineBreak(md.get().text()));
        }
        return (Markdown) wrongType(node, new FieldType.MarkdownText(), name);
    }

    /**
     * Warns of a text that is only the name of a Markdown file ({@code summary: summary.md}): it would be published as
     * those words, not as the file, which is written {@code {file: summary.md}}.
     */
    private static final Pattern MARKDOWN_FILE_NAME = Pattern.compile("[^\\s{}]+\\.md");

    private void fileNameAsText(Node.Scalar scalar, String name) {
        String text = scalar.text().strip();
        if (!text.endsWith(".md") || !MARKDOWN_FILE_NAME.matcher(text).matches()) {
            return;
        }
        String resolved = resolve(text);
        boolean exists = resolved != null && (files.get(resolved).isPresent() || files.isRefused(resolved));
        problems.warning(scalar.location(), "'" + name + "' is published as the words '" + text + "', not as the text of "
                        + (exists ? "the file " + text + " beside it" : "a file"),
                "to publish the file's text, write " + name + ": {file: " + text + "}");
    }

    /**
     * Warns of each image, link or piece of HTML in a text that the pages leave out, and refuses one that could run a script
     * where the text is shown as written; {@code place} turns a line and column of the text into a location.
     */
    private void unpublished(String markdown, java.util.function.BiFunction<Integer, Integer, Location> place) {
        for (MarkdownSyntax.Unpublished u : MarkdownSyntax.unpublished(markdown)) {
            if (u.runsScript()) {
                problems.error(place.apply(u.line(), u.column()), u.message(), u.hint());
            } else {
                problems.warning(place.apply(u.line(), u.column()), u.message(), u.hint());
            }
        }
    }

    /**
     * Where a line and column of a text written in the YAML file are: below the field for a block ('|' or '>'), whose
     * lines are indented alike, else on the field's line (where a text runs on over lines, its later lines are told by line).
     */
    private Location placeIn(Node.Scalar scalar, int line, int column) {
        Location at = scalar.location();
        List<String> lines = lines();
        if (at.line() < 1 || at.line() > lines.size()) {
            return at;
        }
        String start = lines.get(at.line() - 1).substring(Math.min(lines.get(at.line() - 1).length(), Math.max(0, at.column() - 1)));
        if (start.startsWith("|")) {
            // a literal block keeps its lines: each is the block's indentation further in than in the text
            int n = at.line() + line;
            int indent = -1;
            for (int i = at.line(); i < lines.size() && indent < 0; i++) {
                if (!lines.get(i).isBlank()) {
                    indent = lines.get(i).length() - lines.get(i).stripLeading().length();
                }
            }
            return n > lines.size() || indent < 0 ? at : new Location(at.file(), n, indent + column);
        }
        String own = lines.get(at.line() - 1);
        if (line == 1 && !start.startsWith(">")
                && (lines.size() <= at.line() || !continues(lines.get(at.line()), own.length() - own.stripLeading().length()))) {
            int quote = start.startsWith("\"") || start.startsWith("'") ? 1 : 0;
            return new Location(at.file(), at.line(), at.column() + quote + column - 1);
        }
        // a folded block, or a text running on over lines, is one line of Markdown: told at the field
        return at;
    }

    /** Whether a line carries on the text of the line before, whose field is indented {@code indent}: further in, and no field or item. */
    private static boolean continues(String next, int indent) {
        return !next.isBlank() && YamlLines.indent(next) > indent && !YamlLines.startsStructure(next) && !next.stripLeading().startsWith("#");
    }

    /** Reports the first placeholder left in a Markdown file, at its line. */
    private void placeholderIn(SourceFile md) {
        List<String> lines = md.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int index = lines.get(i).indexOf(Placeholder.MARK);
            if (index >= 0) {
                int column = lines.get(i).codePointCount(0, index);
                problems.error(new Location(md.display(), i + 1, column + 1), Placeholder.MESSAGE + "'" + lines.get(i).strip() + "'",
                        "write the text in its place");
                return;
            }
        }
    }

    /**
     * Reports Markdown nested deeper than any renderer can follow, or a table with more cells than a page or PDF can lay
     * out in reasonable time and memory; {@code place} turns a line of the text into a location.
     */
    private boolean beyondLayout(String markdown, IntFunction<Location> place) {
        OptionalInt line = MarkdownSyntax.tooDeep(markdown);
        line.ifPresent(l -> problems.error(place.apply(l), "the Markdown nests more than " + Limits.MAX_MARKDOWN_NESTING
                + " levels deep (lists, block quotes or emphasis within one another)", "flatten it: no page or PDF can lay out text nested this deep"));
        var table = MarkdownSyntax.tooLargeTable(markdown);
        table.ifPresent(t -> problems.error(place.apply(t.line()), "this table would have " + String.format(java.util.Locale.ROOT, "%,d", t.cells()) + " cells (its rows times its"
                + " header's columns), more than the " + String.format(java.util.Locale.ROOT, "%,d", Limits.MAX_MARKDOWN_TABLE_CELLS) + " a page or PDF can lay out",
                "split it, or give its content as a list; a table ends at the first blank line after it"));
        return line.isPresent() || table.isPresent();
    }

    /**
     * What to do about a Markdown file named but not found: where a file of its name is elsewhere in the same plan's folder
     * (written beside plan.yaml, named from a recommendation's file), how to name it from here, or to move it.
     */
    private String elsewhere(String resolved) {
        Optional<String> found = sameNameInPlan(files, resolved);
        if (found.isEmpty()) {
            return org.followthrough.source.FileNames.beyondAscii(resolved)
                    ? org.followthrough.source.FileNames.localeHint().orElse("create the file, or correct the name")
                    : "create the file, or correct the name";
        }
        String from = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/')) : "";
        String relative = java.nio.file.Path.of(from).relativize(java.nio.file.Path.of(found.get())).toString().replace('\\', '/');
        return "there is a file of that name at " + files.display(found.get()) + ": write {file: " + relative + "}, or move the file into "
                + files.display(resolved.substring(0, resolved.lastIndexOf('/')));
    }

    /**
     * For a Markdown file named but not found, a file of its name (in any capitals) in another folder of the same plan:
     * the file the editor meant, whose name is told where it was named, and which is not then a file named nowhere.
     */
    public static Optional<String> sameNameInPlan(ContentFiles files, String resolved) {
        String name = resolved.substring(resolved.lastIndexOf('/') + 1);
        String[] parts = resolved.split("/");
        if (parts.length < 3 || !parts[0].equals("plans")) {
            return Optional.empty();
        }
        return files.paths("plans/" + parts[1]).stream()
                .filter(p -> p.substring(p.lastIndexOf('/') + 1).equalsIgnoreCase(name) && !p.equalsIgnoreCase(resolved)).findFirst();
    }

    /** Resolves a path relative to the current file's folder; null if it is absolute or escapes the content folder. */
    private String resolve(String relative) {
        return resolve(file.path(), relative);
    }

    /** Resolves a path relative to the folder of the content file {@code from}; null if it is absolute or escapes the content folder. */
    public static String resolve(String from, String relative) {
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("[A-Za-z]:.*")) {
            return null; // an absolute path (/tmp/x.md, C:\\x.md) names no file in the content folder, however it would resolve
        }
        String folder = from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
        List<String> parts = new ArrayList<>(folder.isEmpty() ? List.of() : List.of(folder.split("/")));
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private Target flexDate(Node node, String name) {
        if (node instanceof Node.Scalar scalar) {
            return targetDate(scalar.text().strip(), scalar.location(), name).map(Target::of).orElse(null);
        }
        if (node instanceof Node.Mapping mapping) {
            Doc doc = checkObject(mapping, ContentFormat.TARGET);
            if (!doc.has("as_published")) {
                return null;
            }
            TargetDate date = null;
            if (doc.has("date")) {
                date = targetDate(doc.text("date").strip(), doc.locationOf("date"), name + ".date").orElse(null);
                if (date == null) {
                    return null;
                }
            }
            return new Target(doc.text("as_published"), date);
        }
        return (Target) wrongType(node, new FieldType.FlexDate(), name);
    }

    private Optional<TargetDate> targetDate(String text, Location at, String name) {
        if (text.equals(ONGOING)) {
            return Optional.of(new TargetDate.Ongoing());
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(2));
            if (m < 1 || m > 12) {
                problems.error(at, "'" + text + "' is not a real month: there is no month " + m, "write the month as YYYY-MM, 01 to 12");
                return Optional.empty();
            }
            int year = Integer.parseInt(month.group(1));
            return inRange(year, text, at) ? Optional.of(new TargetDate.Month(YearMonth.of(year, m))) : Optional.empty();
        }
        if (DAY.matcher(text).matches()) {
            return date(text, at, name, true).map(TargetDate.Day::new);
        }
        Optional<LocalDate> dayFirst = dayFirst(text);
        Optional<String> impossible = dayFirstImpossible(text);
        if (impossible.isPresent()) {
            problems.error(at, "'" + text + "' is not a real date" + impossible.get(), "check the day and month, and write"
                    + " the date year first (2020-09-30), or the month alone (2020-09); keep wording such as '31 September 2020' as"
                    + " {as_published: \"…\"} without a date");
            return Optional.empty();
        }
        problems.error(at, "'" + text + "' is not a date, a month or 'ongoing' for '" + name + "'", dayFirst
                .map(d -> "dates are written year first: " + d + ", or {as_published: \"" + text + "\", date: " + d + "} to keep the plan's own wording")
                .orElse("write 2020-09-30, 2020-09 or ongoing; to keep the plan's own wording write {as_published: \"" + text
                        + "\"} and add date: only if the wording names a real date"));
        return Optional.empty();
    }

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");

    /**
     * The date a day-first date means, as British plans write them (15/08/2024, 15.08.2024): what to write instead.
     * Empty where the text is not one, or names no real day.
     */
    public static Optional<LocalDate> dayFirst(String text) {
        Matcher m = DAY_FIRST.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            return date.getYear() >= Limits.EARLIEST_YEAR && date.getYear() <= Limits.LATEST_YEAR ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException notADay) {
            return Optional.empty();
        }
    }

    /** Why a date written YYYY-MM-DD (2025-06-31) names no real day ("June 2025 has 30 days"); empty where the text is not one, or is a real day. */
    public static Optional<String> impossible(String text) {
        Matcher m = DAY.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate.parse(text.strip(), STRICT_DATE);
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of(whyImpossible(m));
        }
    }

    /** The name of a document's file, with no folder or site: minutes.docx, guidelines.pdf. */
    private static final Pattern DOCUMENT_FILE = Pattern.compile(
            "(?i)[^/\\\\]+\\.(pdf|docx?|xlsx?|xlsm|pptx?|odt|ods|odp|rtf|txt|csv|msg|eml|zip)");

    /** A date given as a month or in words ("March 2019", "2019-03", "end of Q3"), which a plan may print instead of a day. */
    private static final Pattern MONTH_OR_WORDS = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b|^\\d{4}-\\d{1,2}$|\\bq[1-4]\\b|\\b(end|start|beginning|mid)\\b");

    /** Why a day-first date (31/06/2025) names no real day ("June 2025 has 30 days"); empty where the text is not one, or is a real day. */
    public static Optional<String> dayFirstImpossible(String text) {
        Matcher m = DAY_FIRST.matcher(text.strip());
        if (!m.matches() || dayFirst(text).isPresent()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(1));
        if (year < Limits.EARLIEST_YEAR || year > Limits.LATEST_YEAR) {
            return Optional.of(": the year " + m.group(3) + " is outside the years " + Limits.EARLIEST_YEAR + " to " + Limits.LATEST_YEAR
                    + " that dates may name");
        }
        if (day < 1 && month >= 1 && month <= 12) {
            return Optional.of(": there is no day " + day);
        }
        return Optional.of(noSuchDay(year, month));
    }

    /** @param wording whether the field may keep the plan's own wording instead ({as_published: …}), as a target may */
    private Optional<LocalDate> date(String text, Location at, String name, boolean wording) {
        Matcher day = DAY.matcher(text);
        Optional<String> impossible = day.matches() ? Optional.empty() : dayFirstImpossible(text);
        if (impossible.isPresent()) {
            problems.error(at, "'" + text + "' is not a real date" + impossible.get(),
                    "check the day and month, and write the date year first, YYYY-MM-DD (2020-09-30)");
            return Optional.empty();
        }
        if (!day.matches()) {
            String unspaced = Characters.stripAnySpace(text);
            if (!unspaced.equals(text) && DAY.matcher(unspaced).matches()) {
                // the date looks right in the message: say what is wrong with it
                problems.error(at, Characters.noBreakSpaceAtTheEnds("the date", unspaced, "date"), "delete that space: " + unspaced);
                return Optional.empty();
            }
            problems.error(at, "'" + text + "' is not a date for '" + name + "'", dayFirst(text)
                    .map(d -> "dates are written year first, YYYY-MM-DD: " + d)
                    .orElse(MONTH_OR_WORDS.matcher(text).find()
                            ? "write the day it means as YYYY-MM-DD; in a progress update, keep the document's own words"
                            + " beside it as date_as_published: \"" + text + "\""
                            : "write dates as YYYY-MM-DD, e.g. 2020-09-30"));
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text, STRICT_DATE);
            return inRange(date.getYear(), text, at) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            problems.error(at, "'" + text + "' is not a real date" + whyImpossible(day), "check the day and month" + (wording
                    ? "; keep wording such as '31 September 2020' as {as_published: \"…\"} without a date" : ""));
            return Optional.empty();
        }
    }

    /** Years outside the range are mistakes (0000, 2202), and some outputs could not write them. */
    private boolean inRange(int year, String text, Location at) {
        if (year >= Limits.EARLIEST_YEAR && year <= Limits.LATEST_YEAR) {
            return true;
        }
        problems.error(at, "'" + text + "' is outside the years " + Limits.EARLIEST_YEAR + " to " + Limits.LATEST_YEAR + " that dates may name",
                "check the year");
        return false;
    }

    private static String whyImpossible(Matcher day) {
        return noSuchDay(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)));
    }

    /** Why a day of this year and month is not a real one: the month does not exist, or has fewer days. */
    private static String noSuchDay(int year, int month) {
        if (month < 1 || month > 12) {
            return ": there is no month " + month;
        }
        YearMonth ym = YearMonth.of(year, month);
        return ": " + ym.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + year + " has " + ym.lengthOfMonth() + " days";
    }
}
