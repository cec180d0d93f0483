package org.followthrough.render.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.followthrough.model.Organisation;
import org.followthrough.model.Site;

/**
 * The fields of one kind of JSON object, each declared once with its key, its schema, its description and how its
 * value is taken from a {@code T}: the same declarations give the object in a document ({@link #of}) and its
 * description in the published schema ({@link #schema}), so that the two cannot drift apart.
 *
 * <p>A shape named for its {@code $defs} entry is referred to by {@code $ref} where it is used; one without a name is
 * written out where it is used. Immutable: each {@code field} gives a new shape, so that two shapes can begin with the
 * same fields.
 */
final class JsonShape<T> {

    /** What values are worked out from besides the object itself: the site, its organisations by id, the as-of date. */
    record Context(Site site, Map<String, Organisation> organisations, LocalDate asOf) {
    }

    private record Field<T>(String key, Map<String, Object> schema, BiFunction<Context, T, Object> value) {
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
                .map(f -> new Field<U>(f.key(), f.schema(), (c, u) -> f.value().apply(c, part.apply(u)))).toList());
    }

    /** A field whose value is a string, number, boolean, list of them or null, as {@code schema} says. */
    JsonShape<T> field(String key, Map<String, Object> schema, String about, BiFunction<Context, T, Object> value) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("description", about);
        property.putAll(schema);
        List<Field<T>> more = new ArrayList<>(fields);
        more.add(new Field<>(key, property, value));
        return new JsonShape<>(name, description, List.copyOf(more));
    }

    /** A field holding an object of another shape, never null. */
    <V> JsonShape<T> object(String key, JsonShape<V> shape, String about, BiFunction<Context, T, V> value) {
        return field(key, shape.use(), about, (c, t) -> shape.of(c, value.apply(c, t)));
    }

    /** A field holding an object of another shape, or null. */
    <V> JsonShape<T> optional(String key, JsonShape<V> shape, String about, BiFunction<Context, T, V> value) {
        return field(key, nullable(shape.use()), about, (c, t) -> shape.of(c, value.apply(c, t)));
    }

    /** A field holding a list of objects of another shape. */
    <V> JsonShape<T> array(String key, JsonShape<V> items, String about, BiFunction<Context, T, ? extends List<V>> value) {
        return field(key, array(items.use()), about, (c, t) -> value.apply(c, t).stream().map(v -> (Object) items.of(c, v)).toList());
    }

    /** The object for {@code t}, keys in their declared order; null for null. */
    Map<String, Object> of(Context context, T t) {
        if (t == null) {
            return null;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (Field<T> field : fields) {
            object.put(field.key(), field.value().apply(context, t));
        }
        return object;
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
