package org.followthrough.importing.table;

import java.util.List;

/**
 * What a file holds for import: its tables in order and, for a document, the paragraphs after the last table.
 *
 * @param name     the file as the user named it, which begins every location in messages
 * @param tables   its tables, in the order they appear
 * @param trailing paragraphs after the last table (Word documents only)
 */
public record TableFile(String name, List<Table> tables, List<String> trailing) {

    public TableFile {
        tables = List.copyOf(tables);
        trailing = List.copyOf(trailing);
    }
}
