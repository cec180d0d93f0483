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
 *
 * <p>A record met again as the same object within one fingerprint is encoded as a reference to
 * where it was met first: a plan's actions share a few statuses and scales, and each action's
 * history holds its progress updates again, so this halves what a plan's fingerprint hashes. The
 * reference stands for a value already encoded, so different values still cannot encode alike; an
 * equal value made of other objects may encode otherwise, which only means its output is made
 * again. A plan read back from the cache shares what it shared when it was loaded, so its
 * fingerprints are the same either way.
 *
 * <p>The digest is SHA-512/256: as strong as SHA-256 and half as quick again under the quick
 * compiler that builds run with, where neither is made into the processor's own instructions.
 */
public final class Fingerprint {

    /** Each record type's components, looked up once: a build fingerprints hundreds of thousands of records. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /**
     * Each type's name as it is encoded, worked out once: a record's or an enum's in full but for this project's package
     * (short names are hashed quicker, and a plan holds a hundred thousand records), a number's or a date's by its class.
     */
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            if (!type.isRecord() && !type.isEnum()) {
                return type.getSimpleName() + ":";
            }
            String name = type.getName();
            return name.startsWith(OWN) ? name.substring(OWN.length()) : name;
        }
    };

    /** The package of this project's own types, left out of their names as encoded (a name that does not start with it keeps it). */
    private static final String OWN = "org.followthrough.";

    /** The most bytes held before they are hashed. */
    private static final int PENDING = 8192;

    private final MessageDigest digest;
    /** The encoded values not yet hashed: hashed kilobytes at a time, not a few bytes at a time. */
    private byte[] pending = new byte[256];
    private int used;
    /** The records encoded so far, each with the number it was met as. */
    private java.util.IdentityHashMap<Record, Integer> records;

    /**
     * Digests and buffers done with, for the next fingerprint made on the same thread: a build makes one for each of tens
     * of thousands of files, and looking up the algorithm and allocating its state each time showed in the collector's work.
     * A stack, as a fingerprint may be made while another is (a value worked out as it is added).
     */
    private static final ThreadLocal<java.util.ArrayDeque<Fingerprint>> SPARE = ThreadLocal.withInitial(java.util.ArrayDeque::new);

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-512/256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-512/256", e);
        }
    }

    /** A fingerprint with nothing added: one done with on this thread, or a new one. */
    private static Fingerprint start() {
        Fingerprint spare = SPARE.get().pollFirst();
        return spare != null ? spare : new Fingerprint();
    }

    /** A fingerprint of these values, in order. */
    public static String of(Object... values) {
        Fingerprint f = start();
        for (Object value : values) {
            f.add(value);
        }
        return f.hex();
    }

    /** A fingerprint of bytes as they are. */
    public static String ofBytes(byte[] bytes) {
        Fingerprint f = start();
        f.digest.update(bytes);
        return f.hex();
    }

    /** The digest of what was added, in hexadecimal; this fingerprint is then empty again, and kept for the next. */
    private String hex() {
        digest.update(pending, 0, used);
        String hex = HexFormat.of().formatHex(digest.digest());
        used = 0;
        // not cleared: after a plan's hundred thousand records its table would be cleared whole for every small fingerprint
        records = null;
        SPARE.get().push(this);
        return hex;
    }

    private void tag(char type, int length) {
        room(5);
        pending[used++] = (byte) type;
        pending[used++] = (byte) (length >>> 24);
        pending[used++] = (byte) (length >>> 16);
        pending[used++] = (byte) (length >>> 8);
        pending[used++] = (byte) length;
    }

    private void text(char type, String text) {
        bytes(type, text.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(char type, byte[] bytes) {
        tag(type, bytes.length);
        if (bytes.length > PENDING / 2) {
            digest.update(pending, 0, used);
            used = 0;
            digest.update(bytes);
        } else {
            room(bytes.length);
            System.arraycopy(bytes, 0, pending, used, bytes.length);
            used += bytes.length;
        }
    }

    /** Makes room for {@code n} more bytes, at most half the most pending: the buffer grows to that, then what it holds is hashed. */
    private void room(int n) {
        if (used + n <= pending.length) {
            return;
        }
        if (pending.length < PENDING) {
            pending = java.util.Arrays.copyOf(pending, Math.min(PENDING, Math.max(2 * pending.length, used + n)));
            if (used + n <= pending.length) {
                return;
            }
        }
        digest.update(pending, 0, used);
        used = 0;
    }

    private void add(Object value) {
        if (value == null) {
            tag('0', 0);
        } else if (value instanceof String s) {
            text('s', s);
        } else if (value instanceof byte[] bytes) {
            bytes('b', bytes);
        } else if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            text('n', NAMES.get(value.getClass()) + value);
        } else if (value instanceof Enum<?> e) {
            text('e', NAMES.get(e.getDeclaringClass()) + "." + e.name());
        } else if (value instanceof LocalDate || value instanceof YearMonth || value instanceof ZoneId || value instanceof Instant) {
            text('d', NAMES.get(value.getClass()) + value);
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
        } else if (value instanceof org.followthrough.model.Markdown markdown) {
            // as when it was a record of its text, so that keys are the same whichever way the text was read
            text('r', "model.Markdown");
            tag('c', 1);
            add(markdown.source());
        } else if (value instanceof Record record) {
            if (records == null) {
                records = new java.util.IdentityHashMap<>();
            }
            Integer met = records.putIfAbsent(record, records.size());
            if (met != null) {
                tag('p', met);
                return;
            }
            RecordComponent[] components = COMPONENTS.get(record.getClass());
            text('r', NAMES.get(record.getClass()));
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
