package org.followthrough.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the model (records of text, numbers, dates, enums, lists and maps) as compact bytes and reads
 * it back, so that a plan that did not change since the last build is not parsed, checked and
 * assembled again. Only classes of this project's model and problems may be read back: the bytes
 * name the classes they hold, and a name outside {@value #ALLOWED} is refused.
 */
public final class ModelCodec {

    /** The packages whose records and enums may be read back. */
    static final String ALLOWED = "org.followthrough.";

    private static final int FORMAT = 1;

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

    private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private ModelCodec() {
    }

    /** The bytes of a value. */
    public static byte[] write(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            new Writer(out).value(value);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The value the bytes hold; throws {@link IOException} when they are not bytes this codec wrote. */
    public static Object read(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("written by another version of the codec");
            }
            Object value = new Reader(in).value();
            if (in.read() != -1) {
                throw new IOException("bytes left over");
            }
            return value;
        } catch (RuntimeException e) {
            throw new IOException("not a cached model: " + e.getMessage(), e);
        }
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<Class<?>, Integer> classes = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void value(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
            } else if (value instanceof String s) {
                out.writeByte(STRING);
                text(s);
            } else if (value instanceof Integer i) {
                out.writeByte(INT);
                out.writeInt(i);
            } else if (value instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (value instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (value instanceof LocalDate d) {
                out.writeByte(DATE);
                out.writeLong(d.toEpochDay());
            } else if (value instanceof YearMonth m) {
                out.writeByte(MONTH);
                out.writeInt(m.getYear());
                out.writeByte(m.getMonthValue());
            } else if (value instanceof Enum<?> e) {
                out.writeByte(ENUM);
                type(e.getDeclaringClass());
                out.writeInt(e.ordinal());
            } else if (value instanceof Collection<?> items) {
                out.writeByte(LIST);
                out.writeInt(items.size());
                for (Object item : items) {
                    value(item);
                }
            } else if (value instanceof Map<?, ?> map) {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    value(entry.getKey());
                    value(entry.getValue());
                }
            } else if (value instanceof Record record) {
                out.writeByte(RECORD);
                type(record.getClass());
                for (Method accessor : accessors(record.getClass())) {
                    try {
                        value(accessor.invoke(record));
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException("cannot read " + accessor, e);
                    }
                }
            } else {
                throw new IllegalArgumentException("the model holds a " + value.getClass().getName() + ", which the cache cannot keep");
            }
        }

        private void text(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        /** A class by name the first time, by number after that. */
        private void type(Class<?> type) throws IOException {
            Integer known = classes.get(type);
            if (known != null) {
                out.writeInt(known);
            } else {
                out.writeInt(-1);
                text(type.getName());
                classes.put(type, classes.size());
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<Class<?>> classes = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        Object value() throws IOException {
            byte tag = in.readByte();
            switch (tag) {
                case NULL:
                    return null;
                case STRING:
                    return text();
                case INT:
                    return in.readInt();
                case LONG:
                    return in.readLong();
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case DATE:
                    return LocalDate.ofEpochDay(in.readLong());
                case MONTH:
                    return YearMonth.of(in.readInt(), in.readByte());
                case ENUM: {
                    Class<?> type = type();
                    Object[] constants = type.getEnumConstants();
                    if (constants == null) {
                        throw new IOException(type.getName() + " is not an enum");
                    }
                    return constants[in.readInt()];
                }
                case LIST: {
                    int size = in.readInt();
                    List<Object> items = new ArrayList<>(Math.min(size, 1 << 16));
                    for (int i = 0; i < size; i++) {
                        items.add(value());
                    }
                    return java.util.Collections.unmodifiableList(items);
                }
                case MAP: {
                    int size = in.readInt();
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
                    Method[] accessors = accessors(type);
                    Object[] arguments = new Object[accessors.length];
                    for (int i = 0; i < arguments.length; i++) {
                        arguments[i] = value();
                    }
                    try {
                        return constructor(type).newInstance(arguments);
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        throw new IOException("cannot make a " + type.getName() + ": " + e.getMessage(), e);
                    }
                }
                default:
                    throw new IOException("unknown tag " + tag);
            }
        }

        private String text() throws IOException {
            int length = in.readInt();
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("cut short");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private Class<?> type() throws IOException {
            int index = in.readInt();
            if (index >= 0) {
                return classes.get(index);
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
