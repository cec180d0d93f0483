package org.followthrough.format;

/** One field of a YAML object: its name, type, whether editors must write it, and what it means. */
public record Field(String name, FieldType type, boolean required, String description) {

    public static Field required(String name, FieldType type, String description) {
        return new Field(name, type, true, description);
    }

    public static Field optional(String name, FieldType type, String description) {
        return new Field(name, type, false, description);
    }
}
