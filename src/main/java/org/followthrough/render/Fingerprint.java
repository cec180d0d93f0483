package org.followthrough.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of exactly what an output is made from, so that an output whose fingerprint has not
 * changed need not be made again. Values are encoded unambiguously (each with its type and length)
 * before hashing, so two different inputs cannot encode alike: records component by component,
 * lists in order, maps by sorted key, text as UTF-8, dates in ISO form.
 */
public final class Fingerprint {

    /** Each record type's components, looked up once: a build fingerprints hundreds of thousands of records. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private final MessageDigest digest;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** A fingerprint of these values, in order. */
    public static String of(Object... values) {
        Fingerprint f = new Fingerprint();
        for (Object value : values) {
            f.add(value);
        }
        return f.hex();
    }

    /** A fingerprint of bytes as they are. */
    public static String ofBytes(byte[] bytes) {
        Fingerprint f = new Fingerprint();
        f.digest.update(bytes);
        return f.hex();
    }

    private String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void tag(char type, int length) {
        digest.update((byte) type);
        digest.update((byte) (length >>> 24));
        digest.update((byte) (length >>> 16));
        digest.update((byte) (length >>> 8));
        digest.update((byte) length);
    }

    private void text(char type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tag(type, bytes.length);
        digest.update(bytes);
    }

    private void add(Object value) {
        if (value == null) {
            tag('0', 0);
        } else if (value instanceof String s) {
            text('s', s);
        } else if (value instanceof byte[] bytes) {
            tag('b', bytes.length);
            digest.update(bytes);
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            text('n', value.getClass().getSimpleName() + ":" + value);
        } else if (value instanceof Enum<?> e) {
            text('e', e.getDeclaringClass().getName() + "." + e.name());
        } else if (value instanceof LocalDate || value instanceof YearMonth || value instanceof ZoneId || value instanceof Instant) {
            text('d', value.getClass().getSimpleName() + ":" + value);
        } else if (value instanceof Collection<?> items) {
            tag('l', items.size());
            items.forEach(this::add);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            tag('m', sorted.size());
            sorted.forEach((k, v) -> {
                add(k);
                add(v);
            });
        } else if (value instanceof freemarker.core.TemplateHTMLOutputModel html) {
            try {
                text('h', freemarker.core.HTMLOutputFormat.INSTANCE.getMarkupString(html));
            } catch (freemarker.template.TemplateModelException e) {
                throw new IllegalStateException(e);
            }
        } else if (value instanceof Record record) {
            RecordComponent[] components = COMPONENTS.get(record.getClass());
            text('r', record.getClass().getName());
            tag('c', components.length);
            for (RecordComponent component : components) {
                try {
                    add(component.getAccessor().invoke(record));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + component + " for a fingerprint", e);
                }
            }
        } else {
            // Only plain data belongs in a fingerprint: an object whose text could hide state would make the cache unsafe.
            throw new IllegalArgumentException("cannot fingerprint a " + value.getClass().getName());
        }
    }
}
