package org.followthrough.render.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes maps and lists as JSON, keys in insertion order: data files compact, schemas and reports pretty-printed.
 * Thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    /** Indented, for what people read as it is: schemas and the command line's reports. */
    public static String write(Object tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * On one line, without spaces, ending with a newline: for the data files, which are many and large, and which
     * people read through tools that lay them out.
     */
    public static String data(Object tree) {
        return compact(tree) + "\n";
    }

    /** On one line, without spaces: for JSON inside another format (a CSV cell). */
    public static String compact(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
