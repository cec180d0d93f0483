package org.followthrough.format;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.followthrough.model.Markdown;
import org.followthrough.model.Target;
import org.followthrough.problem.Location;

/**
 * An object from a content file after its shape was checked: the values converted to Java types
 * (text, {@link Markdown}, {@link LocalDate}, {@link Target}, {@link Ref}, lists, nested docs),
 * each with the location it was written at.
 */
public record Doc(Location location, Map<String, Object> values, Map<String, Location> locations) {

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public Location locationOf(String field) {
        return locations.getOrDefault(field, location);
    }

    /** Where the item at {@code index} of a list of texts or ids was written; where the field was, for any other list. */
    public Location locationOf(String field, int index) {
        Location item = locations.get(item(field, index));
        return item != null ? item : locationOf(field);
    }

    /** The name an item of a list's location is kept under ("former_ids[1]"), which no field's name can be. */
    static String item(String field, int index) {
        return field + "[" + index + "]";
    }

    public String text(String field) {
        return (String) values.get(field);
    }

    public Markdown markdown(String field) {
        return (Markdown) values.get(field);
    }

    public LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    public Target target(String field) {
        return (Target) values.get(field);
    }

    public Ref ref(String field) {
        return (Ref) values.get(field);
    }

    public Integer whole(String field) {
        return (Integer) values.get(field);
    }

    public ZoneId zone(String field) {
        return (ZoneId) values.get(field);
    }

    public Doc doc(String field) {
        return (Doc) values.get(field);
    }

    @SuppressWarnings("unchecked")
    public List<Ref> refs(String field) {
        return (List<Ref>) values.getOrDefault(field, List.of());
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(String field) {
        return (List<String>) values.getOrDefault(field, List.of());
    }

    /** The 'id: value' lines of a {@link FieldType.Keyed} field, in the order written. */
    @SuppressWarnings("unchecked")
    public Map<Ref, Object> keyed(String field) {
        return (Map<Ref, Object>) values.getOrDefault(field, Map.of());
    }

    @SuppressWarnings("unchecked")
    public List<Doc> docs(String field) {
        return (List<Doc>) values.getOrDefault(field, List.of());
    }
}
