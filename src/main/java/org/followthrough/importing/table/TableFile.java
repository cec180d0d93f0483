package org.followthrough.importing.table;

import java.util.List;

/**
 * What a file holds for import: its tables in order and, for a document, the paragraphs after the last table.
 *
 * @param name     the file as the user named it, which begins every location in messages
 * @param tables   its tables, in the order they appear
 * @param trailing paragraphs after the last table (Word documents only)
 * @param properties what the file says of itself, by name (a workbook's custom properties); none for other files
 */
public record TableFile(String name, List<Table> tables, List<String> trailing, java.util.Map<String, String> properties) {

    public TableFile {
        tables = List.copyOf(tables);
        trailing = List.copyOf(trailing);
        properties = java.util.Map.copyOf(properties);
    }

    public TableFile(String name, List<Table> tables, List<String> trailing) {
        this(name, tables, trailing, java.util.Map.of());
    }
}
