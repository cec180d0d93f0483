package org.followthrough.model;

import java.util.List;
import java.util.Optional;

/** An ordered list of scale values, such as grades A–E or a plan's status words. */
public record Scale(List<ScaleEntry> entries) {

    public static final Scale EMPTY = new Scale(List.of());

    public Optional<ScaleEntry> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
