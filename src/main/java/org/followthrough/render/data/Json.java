package org.followthrough.render.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

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

    /** Writes JSON to a generator. */
    @FunctionalInterface
    public interface Writing {
        void to(JsonGenerator out) throws IOException;
    }

    /** As {@link #data(Object)}, written by {@code writing} as it goes rather than built first. */
    public static String data(Writing writing) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = MAPPER.createGenerator(text)) {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
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
