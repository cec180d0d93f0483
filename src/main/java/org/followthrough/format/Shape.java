package org.followthrough.format;

import java.util.List;
import java.util.Optional;

/** The fields an object in the content may hold. */
public record Shape(String name, String description, List<Field> fields) {

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }
}
