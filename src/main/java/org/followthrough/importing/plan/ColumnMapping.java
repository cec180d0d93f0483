package org.followthrough.importing.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;
import org.followthrough.importing.table.Cell;
import org.followthrough.importing.table.Row;

/**
 * Which field each column of a table holds, worked out from the header row's headings (or given
 * with --columns as {@code HEADING=field} or {@code C=field}). Each field is taken by its first
 * column; a column no field takes is kept as it is, under its heading.
 */
final class ColumnMapping {

    /** One column: where it starts, its heading as printed, and the field it holds. */
    record Column(int index, int span, String heading, PlanField field) {

        String letter() {
            return CellReference.convertNumToColString(index);
        }

        /** How readers and notes name the column: its heading, or its letter when it has none. */
        String label() {
            return heading.isBlank() ? "Column " + letter() : heading.replaceAll("\\s+", " ").strip();
        }
    }

    private final List<Column> columns;

    private ColumnMapping(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    List<Column> columns() {
        return columns;
    }

    Optional<Column> column(PlanField field) {
        return columns.stream().filter(c -> c.field() == field).findFirst();
    }

    /** The column a cell falls in. */
    Optional<Column> at(int index) {
        return columns.stream().filter(c -> c.index() <= index && index < c.index() + c.span()).findFirst();
    }

    /** How many headings of a row name a field: a header row names at least two. */
    static int fieldsNamed(Row row, Map<String, PlanField> given) {
        Set<PlanField> named = EnumSet.noneOf(PlanField.class);
        for (Cell cell : row.ownCells()) {
            given(cell, given).or(() -> PlanField.forHeading(cell.text())).filter(f -> f != PlanField.KEEP).ifPresent(named::add);
        }
        return named.size();
    }

    static ColumnMapping of(Row header, Map<String, PlanField> given, int width) {
        List<Column> columns = new ArrayList<>();
        Set<PlanField> taken = EnumSet.noneOf(PlanField.class);
        int next = 0;
        for (Cell cell : header.cells()) {
            for (int gap = next; gap < cell.column(); gap++) {
                columns.add(new Column(gap, 1, "", given.getOrDefault(CellReference.convertNumToColString(gap), PlanField.KEEP)));
            }
            PlanField field = given(cell, given).orElseGet(() -> PlanField.forHeading(cell.text()).orElse(PlanField.KEEP));
            if (field == PlanField.TARGET && taken.contains(PlanField.TARGET) && taken.contains(PlanField.FOLLOW_UP)) {
                field = PlanField.FOLLOW_UP_TARGET;
            }
            if (field != PlanField.KEEP && !taken.add(field)) {
                field = PlanField.KEEP;
            }
            columns.add(new Column(cell.column(), cell.span(), cell.text(), field));
            next = cell.column() + cell.span();
        }
        for (int gap = next; gap < width; gap++) {
            columns.add(new Column(gap, 1, "", given.getOrDefault(CellReference.convertNumToColString(gap), PlanField.KEEP)));
        }
        return new ColumnMapping(columns);
    }

    private static Optional<PlanField> given(Cell cell, Map<String, PlanField> given) {
        PlanField byHeading = given.get(normal(cell.text()));
        return Optional.ofNullable(byHeading != null ? byHeading : given.get(CellReference.convertNumToColString(cell.column())));
    }

    /** Headings compared as printed, whatever their capitals and spacing. */
    static String normal(String heading) {
        return heading.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The keys of a --columns mapping ({@link #parse}) that some column of this table answers to, by its letter or its heading. */
    Set<String> answeredKeys(Map<String, PlanField> given) {
        Set<String> answered = new java.util.HashSet<>();
        for (Column column : columns) {
            for (String key : List.of(column.letter(), normal(column.heading()))) {
                if (given.containsKey(key)) {
                    answered.add(key);
                }
            }
        }
        return answered;
    }

    /** Whether a row repeats this header (tables split across pages repeat it at the top of each). */
    boolean isRepeatedBy(Row row) {
        int same = 0;
        int headings = 0;
        for (Column column : columns) {
            if (column.heading().isBlank()) {
                continue;
            }
            headings++;
            if (normal(row.text(column.index())).equals(normal(column.heading()))) {
                same++;
            }
        }
        return headings > 0 && same * 2 > headings;
    }

    /** The mapping as import prints it: one line per column, in the form --columns takes. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Column column : columns) {
            lines.add(column.letter() + " \"" + column.label() + "\" → " + column.field().code());
        }
        return lines;
    }

    /**
     * Parses --columns values: {@code HEADING=field} or {@code C=field}, several separated by ';'. The keys are letters or
     * headings as {@link #normal} makes them (a column written in capitals, as a letter is, is both); {@code written} gets
     * each key's column as the option wrote it.
     */
    static Map<String, PlanField> parse(List<String> values, List<String> errors, Map<String, String> written) {
        Map<String, PlanField> given = new LinkedHashMap<>();
        for (String value : values) {
            for (String part : value.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int equals = part.lastIndexOf('=');
                if (equals <= 0) {
                    errors.add("'" + part.strip() + "' is not HEADING=field");
                    continue;
                }
                String column = part.substring(0, equals).strip();
                Optional<PlanField> field = PlanField.forCode(part.substring(equals + 1));
                if (field.isEmpty()) {
                    errors.add("'" + part.substring(equals + 1).strip() + "' is not a field; fields: "
                            + String.join(", ", java.util.Arrays.stream(PlanField.values()).map(PlanField::code).toList()));
                    continue;
                }
                // A column letter (C) may also be a heading printed in capitals (RAG, REF): it is taken for whichever the file has.
                for (String key : column.matches("[A-Z]{1,3}") ? List.of(column, normal(column)) : List.of(normal(column))) {
                    given.put(key, field.get());
                    written.put(key, column);
                }
            }
        }
        return given;
    }
}
