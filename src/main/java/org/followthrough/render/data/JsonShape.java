package org.followthrough.render.data;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.followthrough.model.Organisation;
import org.followthrough.model.Site;

/**
 * The fields of one kind of JSON object, each declared once with its key, its schema, its description and how its
 * value is taken from a {@code T}: the same declarations write the object in a document ({@link #write}) and give its
 * description in the published schema ({@link #schema}), so that the two cannot drift apart.
 *
 * <p>A shape named for its {@code $defs} entry is referred to by {@code $ref} where it is used; one without a name is
 * written out where it is used. Immutable: each {@code field} gives a new shape, so that two shapes can begin with the
 * same fields.
 */
final class JsonShape<T> {

    /** What values are worked out from besides the object itself: the site, its organisations by id, the as-of date. */
    /** What every value is written with; {@code withPage} tells the organisations that have a page on this site. */
    record Context(Site site, Map<String, Organisation> organisations, LocalDate asOf, java.util.function.Predicate<String> withPage) {
    }

    /** Writes one field's value for a {@code T}. */
    @FunctionalInterface
    private interface Writer<T> {
        void write(JsonGenerator out, Context context, T t) throws IOException;
    }

    private record Field<T>(String key, Map<String, Object> schema, Writer<T> writer) {
    }

    private final String name;
    private final String description;
    private final List<Field<T>> fields;

    private JsonShape(String name, String description, List<Field<T>> fields) {
        this.name = name;
        this.description = description;
        this.fields = fields;
    }

    /** A shape with its own entry under {@code $defs}. */
    static <T> JsonShape<T> named(String name, String description) {
        return new JsonShape<>(name, description, List.of());
    }

    /** A shape written out in full where it is used. */
    static <T> JsonShape<T> inline(String description) {
        return named(null, description);
    }

    /** This shape's fields under another {@code $defs} entry, to be followed by more. */
    JsonShape<T> as(String otherName, String otherDescription) {
        return new JsonShape<>(otherName, otherDescription, fields);
    }

    /** These fields, taken from the {@code T} each {@code U} holds, to be followed by more of the {@code U}'s own. */
    <U> JsonShape<U> from(Function<U, T> part) {
        return new JsonShape<>(name, description, fields.stream()
                .map(f -> new Field<U>(f.key(), f.schema(), (out, c, u) -> f.writer().write(out, c, part.apply(u)))).toList());
    }

    /** A field whose value is a string, number, boolean, list of them or null, as {@code schema} says. */
    JsonShape<T> field(String key, Map<String, Object> schema, String about, BiFunction<Context, T, Object> value) {
        return with(key, schema, about, (out, c, t) -> scalar(out, value.apply(c, t)));
    }

    /** A field holding an object of another shape, never null. */
    <V> JsonShape<T> object(String key, JsonShape<V> shape, String about, BiFunction<Context, T, V> value) {
        return with(key, shape.use(), about, (out, c, t) -> shape.write(out, c, value.apply(c, t)));
    }

    /** A field holding an object of another shape, or null. */
    <V> JsonShape<T> optional(String key, JsonShape<V> shape, String about, BiFunction<Context, T, V> value) {
        return with(key, nullable(shape.use()), about, (out, c, t) -> shape.write(out, c, value.apply(c, t)));
    }

    /** A field holding a list of objects of another shape. */
    <V> JsonShape<T> array(String key, JsonShape<V> items, String about, BiFunction<Context, T, ? extends List<V>> value) {
        return with(key, array(items.use()), about, (out, c, t) -> {
            out.writeStartArray();
            for (V v : value.apply(c, t)) {
                items.write(out, c, v);
            }
            out.writeEndArray();
        });
    }

    private JsonShape<T> with(String key, Map<String, Object> schema, String about, Writer<T> writer) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("description", about);
        property.putAll(schema);
        List<Field<T>> more = new ArrayList<>(fields);
        more.add(new Field<>(key, Collections.unmodifiableMap(property), writer));
        return new JsonShape<>(name, description, List.copyOf(more));
    }

    /** The object for {@code t} as a data file (see {@link Json#data}). */
    String document(Context context, T t) {
        return Json.data(out -> write(out, context, t));
    }

    /**
     * Writes the object for {@code t}, keys in their declared order, or null for null: straight out, not built as maps
     * first, as the documents are many and large.
     */
    void write(JsonGenerator out, Context context, T t) throws IOException {
        if (t == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        for (Field<T> field : fields) {
            out.writeFieldName(field.key());
            field.writer().write(out, context, t);
        }
        out.writeEndObject();
    }

    private static void scalar(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String string) {
            out.writeString(string);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else {
            out.writeObject(value);
        }
    }

    String name() {
        return name;
    }

    /** The schema of the object: every key required, no other allowed. */
    Map<String, Object> schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        fields.forEach(f -> properties.put(f.key(), f.schema()));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("description", description);
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", fields.stream().map(Field::key).toList());
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The schema where the object is used: a reference to its {@code $defs} entry, or the schema itself. */
    private Map<String, Object> use() {
        return name == null ? schema() : ref(name);
    }

    // ---- the schemas of values ----

    static final Map<String, Object> STRING = Map.of("type", "string");
    static final Map<String, Object> N_STRING = Map.of("type", List.of("string", "null"));
    static final Map<String, Object> BOOLEAN = Map.of("type", "boolean");
    static final Map<String, Object> INTEGER = Map.of("type", "integer");
    static final Map<String, Object> COUNT = ordered("type", "integer", "minimum", 0);
    static final Map<String, Object> URL = ordered("type", "string", "format", "uri");
    static final Map<String, Object> N_URL = ordered("type", List.of("string", "null"), "format", "uri");
    static final Map<String, Object> DATE = ordered("type", "string", "format", "date", "pattern", "^\\d{4}-\\d{2}-\\d{2}$");
    static final Map<String, Object> N_DATE = ordered("type", List.of("string", "null"), "format", "date", "pattern", "^\\d{4}-\\d{2}-\\d{2}$");

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> ref(String def) {
        return ordered("$ref", "#/$defs/" + def);
    }

    static Map<String, Object> array(Map<String, Object> items) {
        return ordered("type", "array", "items", items);
    }

    static Map<String, Object> nullable(Map<String, Object> schema) {
        return ordered("anyOf", List.of(schema, Map.of("type", "null")));
    }
}
