package org.followthrough.cache;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the model (records of text, numbers, dates, enums, lists and maps) as compact bytes and reads
 * it back, so that a plan that did not change since the last build is not parsed, checked and
 * assembled again. Only classes of this project's model and problems may be read back: the bytes
 * name the classes they hold, and a name outside {@value #ALLOWED} is refused.
 *
 * <p>Reading back is on the way of every build that changed one plan (every other plan is read from
 * the cache), so the bytes are made to be read fast: numbers as variable-length integers, each text
 * written once and named by its number after that (a plan repeats its owners, statuses and dates),
 * and a record met again as the same object (a status shared by a thousand actions) named by its
 * number too, so that what was one object is read back as one.
 */
public final class ModelCodec {

    /** The packages whose records and enums may be read back. */
    static final String ALLOWED = "org.followthrough.";

    private static final int FORMAT = 3;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte TRUE = 4;
    private static final byte FALSE = 5;
    private static final byte DATE = 6;
    private static final byte MONTH = 7;
    private static final byte ENUM = 8;
    private static final byte LIST = 9;
    private static final byte MAP = 10;
    private static final byte RECORD = 11;
    /** A text or record written before, by its number. */
    private static final byte STRING_AGAIN = 12;
    private static final byte RECORD_AGAIN = 13;
    /** A Markdown text: read back as its bytes, made into text only if it is shown. */
    private static final byte MARKDOWN = 14;

    private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private ModelCodec() {
    }

    /** The bytes of a value. */
    public static byte[] write(Object value) {
        Writer writer = new Writer();
        writer.fixedInt(FORMAT);
        writer.value(value);
        return Arrays.copyOf(writer.bytes, writer.size);
    }

    /** The value the bytes hold; throws {@link IOException} when they are not bytes this codec wrote. */
    public static Object read(byte[] bytes) throws IOException {
        return read(bytes, bytes.length, null);
    }

    /** Each reading thread's copy of the bytes it reads, kept for the next: a rebuild reads back a thousand plans. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64 * 1024]);
    /** The most a thread keeps for the next read; a longer plan (thousands of actions) is read through an array of its own. */
    private static final int MOST_KEPT = 4 * 1024 * 1024;

    /**
     * The value the buffer holds from its start to its limit (a file mapped into memory), its Markdown texts left in
     * the buffer, as parts of it, rather than copied into the heap; throws {@link IOException} when they are not bytes
     * this codec wrote. Nothing may change the buffer's bytes after.
     */
    public static Object read(ByteBuffer buffer) throws IOException {
        int length = buffer.limit();
        byte[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
            if (scratch.length <= MOST_KEPT) {
                SCRATCH.set(scratch);
            }
        }
        buffer.get(0, scratch, 0, length);
        return read(scratch, length, buffer);
    }

    /**
     * @param length how many of {@code bytes} hold the value
     * @param kept   the same bytes where they stay, for the Markdown texts to be parts of; null to copy each text
     */
    private static Object read(byte[] bytes, int length, ByteBuffer kept) throws IOException {
        try {
            Reader reader = new Reader(bytes, length, kept);
            if (reader.fixedInt() != FORMAT) {
                throw new IOException("written by another version of the codec");
            }
            Object value = reader.value();
            if (reader.position != length) {
                throw new IOException("bytes left over");
            }
            return value;
        } catch (RuntimeException e) {
            throw new IOException("not a cached model: " + e, e);
        }
    }

    private static final class Writer {
        private byte[] bytes = new byte[4096];
        private int size;
        private final Map<Class<?>, Integer> classes = new HashMap<>();
        private final Map<String, Integer> texts = new HashMap<>();
        private final Map<Object, Integer> records = new IdentityHashMap<>();

        void value(Object value) {
            if (value == null) {
                tag(NULL);
            } else if (value instanceof String s) {
                Integer known = texts.putIfAbsent(s, texts.size());
                if (known != null) {
                    tag(STRING_AGAIN);
                    number(known);
                } else {
                    tag(STRING);
                    text(s);
                }
            } else if (value instanceof Integer i) {
                tag(INT);
                signed(i);
            } else if (value instanceof Long l) {
                tag(LONG);
                signed(l);
            } else if (value instanceof Boolean b) {
                tag(b ? TRUE : FALSE);
            } else if (value instanceof LocalDate d) {
                tag(DATE);
                signed(d.toEpochDay());
            } else if (value instanceof YearMonth m) {
                tag(MONTH);
                signed(m.getYear());
                number(m.getMonthValue());
            } else if (value instanceof Enum<?> e) {
                tag(ENUM);
                type(e.getDeclaringClass());
                number(e.ordinal());
            } else if (value instanceof Collection<?> items) {
                tag(LIST);
                number(items.size());
                for (Object item : items) {
                    value(item);
                }
            } else if (value instanceof Map<?, ?> map) {
                tag(MAP);
                number(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    value(entry.getKey());
                    value(entry.getValue());
                }
            } else if (value instanceof org.followthrough.model.Markdown markdown) {
                tag(MARKDOWN);
                text(markdown.source());
            } else if (value instanceof Record record) {
                Integer known = records.get(record);
                if (known != null) {
                    tag(RECORD_AGAIN);
                    number(known);
                    return;
                }
                tag(RECORD);
                type(record.getClass());
                for (Method accessor : accessors(record.getClass())) {
                    try {
                        value(accessor.invoke(record));
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException("cannot read " + accessor, e);
                    }
                }
                // Numbered once written, as the reader numbers it once made from its parts.
                records.put(record, records.size());
            } else {
                throw new IllegalArgumentException("the model holds a " + value.getClass().getName() + ", which the cache cannot keep");
            }
        }

        private void text(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            number(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        /** A class by name the first time, by number after that. */
        private void type(Class<?> type) {
            Integer known = classes.putIfAbsent(type, classes.size());
            if (known != null) {
                number(known + 1);
            } else {
                number(0);
                text(type.getName());
            }
        }

        private void tag(byte tag) {
            room(1);
            bytes[size++] = tag;
        }

        private void fixedInt(int value) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        /** A number of at least zero, seven bits a byte, the last byte without its high bit. */
        private void number(long value) {
            room(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        /** Any number, small ones in few bytes whatever their sign. */
        private void signed(long value) {
            number((value << 1) ^ (value >> 63));
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** The first day of {@link #DAYS}. */
    private static final long FIRST_DAY = LocalDate.of(1990, 1, 1).toEpochDay();

    /**
     * The days of a century, each read back as one object, made when first read: a thousand plans hold some
     * 180,000 dates, but fewer than 5,000 days. (A date is a value: the same day shared is the same date.)
     * Filled without a lock, which a date allows: one made twice is the same value, and its fields are final.
     */
    private static final LocalDate[] DAYS = new LocalDate[36_525];

    private static LocalDate day(long epochDay) {
        long index = epochDay - FIRST_DAY;
        if (index < 0 || index >= DAYS.length) {
            return LocalDate.ofEpochDay(epochDay);
        }
        LocalDate day = DAYS[(int) index];
        if (day == null) {
            day = LocalDate.ofEpochDay(epochDay);
            DAYS[(int) index] = day;
        }
        return day;
    }

    private static final class Reader {
        private final byte[] bytes;
        /** How many of {@link #bytes} are to be read. */
        private final int length;
        /** The same bytes where they stay, for Markdown texts to be parts of; null to copy them. */
        private final ByteBuffer kept;
        private int position;
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final List<Object> records = new ArrayList<>();

        Reader(byte[] bytes, int length, ByteBuffer kept) {
            this.bytes = bytes;
            this.length = length;
            this.kept = kept;
        }

        private byte next() throws IOException {
            if (position >= length) {
                throw new IOException("cut short");
            }
            return bytes[position++];
        }

        Object value() throws IOException {
            byte tag = next();
            switch (tag) {
                case NULL:
                    return null;
                case STRING: {
                    String text = text();
                    texts.add(text);
                    return text;
                }
                case STRING_AGAIN:
                    return texts.get(count());
                case INT:
                    return Math.toIntExact(signed());
                case LONG:
                    return signed();
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case DATE:
                    return day(signed());
                case MONTH:
                    return YearMonth.of(Math.toIntExact(signed()), count());
                case ENUM: {
                    Class<?> type = type();
                    Object[] constants = type.getEnumConstants();
                    if (constants == null) {
                        throw new IOException(type.getName() + " is not an enum");
                    }
                    return constants[count()];
                }
                case LIST: {
                    int size = count();
                    if (size == 0) {
                        return java.util.Collections.emptyList();
                    }
                    if (size > length - position) {
                        throw new IOException("cut short");
                    }
                    Object[] items = new Object[size];
                    for (int i = 0; i < size; i++) {
                        items[i] = value();
                    }
                    // Most lists hold one or two items: as one object, like a list the model made itself, unless one is null
                    if (size == 1 && items[0] != null) {
                        return List.of(items[0]);
                    }
                    if (size == 2 && items[0] != null && items[1] != null) {
                        return List.of(items[0], items[1]);
                    }
                    return new Items(items);
                }
                case MAP: {
                    int size = count();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < size; i++) {
                        map.put(value(), value());
                    }
                    return java.util.Collections.unmodifiableMap(map);
                }
                case RECORD: {
                    Class<?> type = type();
                    if (!type.isRecord()) {
                        throw new IOException(type.getName() + " is not a record");
                    }
                    Object[] arguments = new Object[accessors(type).length];
                    for (int i = 0; i < arguments.length; i++) {
                        arguments[i] = value();
                    }
                    try {
                        Object record = constructor(type).newInstance(arguments);
                        records.add(record);
                        return record;
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        throw new IOException("cannot make a " + type.getName() + ": " + e.getMessage(), e);
                    }
                }
                case RECORD_AGAIN:
                    return records.get(count());
                case MARKDOWN: {
                    int size = count();
                    if (size > length - position) {
                        throw new IOException("cut short");
                    }
                    // A part of the bytes where they stay (a file mapped into memory, outside the heap), or else bytes of its
                    // own, not a view of all that were read: a plan keeps only its texts' bytes in the heap, not the whole of
                    // what it was read from (at 1,000 plans, 420 MB at the peak of a rebuild instead of 455 MB).
                    org.followthrough.model.Markdown markdown = kept != null
                            ? org.followthrough.model.Markdown.ofUtf8(kept, position, size)
                            : org.followthrough.model.Markdown.ofUtf8(Arrays.copyOfRange(bytes, position, position + size));
                    position += size;
                    return markdown;
                }
                default:
                    throw new IOException("unknown tag " + tag);
            }
        }

        private String text() throws IOException {
            int size = count();
            if (size > length - position) {
                throw new IOException("cut short");
            }
            String text = new String(bytes, position, size, StandardCharsets.UTF_8);
            position += size;
            return text;
        }

        private Class<?> type() throws IOException {
            int index = count();
            if (index > 0) {
                return classes.get(index - 1);
            }
            String name = text();
            if (!name.startsWith(ALLOWED)) {
                throw new IOException("refusing to make a " + name);
            }
            try {
                Class<?> type = Class.forName(name, false, ModelCodec.class.getClassLoader());
                classes.add(type);
                return type;
            } catch (ClassNotFoundException e) {
                throw new IOException("no class " + name, e);
            }
        }

        private int fixedInt() throws IOException {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                value = (value << 8) | (next() & 0xFF);
            }
            return value;
        }

        private long number() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IOException("a number too long");
        }

        /** A count or an index: never negative, never beyond an int. */
        private int count() throws IOException {
            long value = number();
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IOException("a count out of range");
            }
            return (int) value;
        }

        private long signed() throws IOException {
            long value = number();
            return (value >>> 1) ^ -(value & 1);
        }
    }

    /**
     * A list read back: one object over its array, where a list made unmodifiable the usual way takes
     * three, and a thousand plans hold some 350,000 lists. It holds nulls as the list written did.
     */
    private static final class Items extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        private final Object[] items;

        Items(Object[] items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }

    private static Method[] accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        });
    }

    private static Constructor<?> constructor(Class<?> type) {
        return CONSTRUCTORS.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = t.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record always has its canonical constructor", e);
            }
        });
    }
}
