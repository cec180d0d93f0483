package org.followthrough.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the JSON Schema (draft 2020-12) of each kind of content file, from {@link ContentFormat}. */
public final class SchemaWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaWriter() {
    }

    /** The schema as editors keep it beside their content: it names no address, as it is not published from there. */
    public static String schema(ContentFormat.FileKind kind) {
        return schema(kind, null);
    }

    /** The schema as a site publishes it, identified by the address it is published at ({@code id}; none if null). */
    public static String schema(ContentFormat.FileKind kind, String id) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        if (id != null) {
            root.put("$id", id);
        }
        root.put("title", "Followthrough " + kind.shape().name());
        root.putAll(object(kind.shape()));
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> object(Shape shape) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("description", shape.description());
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field field : shape.fields()) {
            Map<String, Object> property = new LinkedHashMap<>(type(field.type()));
            property.put("description", field.description());
            properties.put(field.name(), property);
            if (field.required()) {
                required.add(field.name());
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> type(FieldType type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (type instanceof FieldType.Text) {
            schema.put("type", List.of("string", "number", "boolean"));
            schema.put("maxLength", Limits.MAX_TEXT_LENGTH);
        } else if (type instanceof FieldType.MarkdownText) {
            schema.put("anyOf", List.of(Map.of("type", "string"), fileReference()));
        } else if (type instanceof FieldType.Date) {
            schema.put("type", "string");
            schema.put("pattern", "^" + Limits.yearPattern() + "-\\d{2}-\\d{2}$");
        } else if (type instanceof FieldType.FlexDate) {
            Map<String, Object> scalar = new LinkedHashMap<>();
            scalar.put("type", "string");
            scalar.put("pattern", "^(" + Limits.yearPattern() + "-\\d{2}(-\\d{2})?|ongoing)$");
            schema.put("anyOf", List.of(scalar, object(ContentFormat.TARGET)));
        } else if (type instanceof FieldType.Reference) {
            schema.put("type", List.of("string", "number"));
            schema.put("maxLength", Limits.MAX_TEXT_LENGTH);
        } else if (type instanceof FieldType.Choice choice) {
            schema.put("enum", choice.values());
        } else if (type instanceof FieldType.Whole whole) {
            schema.put("type", "integer");
            schema.put("minimum", whole.min());
            schema.put("maximum", whole.max());
        } else if (type instanceof FieldType.Patterned patterned) {
            schema.put("type", "string");
            schema.put("pattern", "^" + patterned.pattern().published() + "$");
            schema.put("maxLength", Limits.MAX_TEXT_LENGTH);
        } else if (type instanceof FieldType.TimeZone) {
            schema.put("type", "string");
            schema.put("maxLength", Limits.MAX_TEXT_LENGTH);
        } else if (type instanceof FieldType.ListOf list) {
            Map<String, Object> item = type(list.item());
            if (list.item() instanceof FieldType.Nested) {
                schema.put("type", "array");
                schema.put("items", item);
            } else {
                Map<String, Object> array = new LinkedHashMap<>();
                array.put("type", "array");
                array.put("items", item);
                schema.put("anyOf", List.of(item, array));
            }
        } else if (type instanceof FieldType.Nested nested) {
            schema.putAll(object(nested.shape()));
        } else if (type instanceof FieldType.Keyed keyed) {
            schema.put("type", "object");
            schema.put("propertyNames", Map.of("pattern", "^" + ContentFormat.ID.published() + "$"));
            schema.put("additionalProperties", type(keyed.value()));
        }
        return schema;
    }

    private static Map<String, Object> fileReference() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("type", "object");
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("type", "string");
        name.put("pattern", "\\.md$");
        file.put("properties", Map.of("file", name));
        file.put("required", List.of("file"));
        file.put("additionalProperties", false);
        return file;
    }
}
