package org.followthrough.pipeline;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.followthrough.cache.BuildCache;
import org.followthrough.render.Fingerprint;

/**
 * The bytes of the files a build made for one unit (a plan's pages and downloads), kept in the build
 * cache as one entry beside the unit's record ({@link UnitRecord}): a later build with the same unit
 * key, whose site lacks some of the unit's files, takes them from here. One entry a unit, not one a
 * file, because a file system gives out new files slowly (a site of 1,000 plans has 27,000), and most
 * slowly just after as many were deleted.
 *
 * <p>The entry is a header, {@value #HEADER} and a line for each file (its fingerprint, a tab and its
 * size in bytes) ended by an empty line, then the files' bytes one after the other, in that order.
 * An entry whose size is not what its header adds up to is not read. A pack is read through the file
 * opened when its header was read, so another build putting a pack in its place meanwhile (two builds
 * may share a cache) cannot mix the header of one with the bytes of the other.
 */
final class UnitPack implements AutoCloseable {

    private static final String HEADER = "followthrough-unit-pack 1";
    /** More than any header: a plan's unit has a few dozen files, each line under a hundred bytes. */
    private static final int MAX_HEADER = 1 << 20;

    private final FileChannel channel;
    /** Where each file's bytes are in the entry, by fingerprint: offset and length. */
    private final Map<String, long[]> entries;

    private UnitPack(FileChannel channel, Map<String, long[]> entries) {
        this.channel = channel;
        this.entries = entries;
    }

    /** The entry's key, made from the record's: the record is small and read by every build, the pack only when needed. */
    private static String key(String record) {
        return Fingerprint.of("pack", record);
    }

    /** Marks the pack kept beside the record {@code record} as used without reading it, so that trimming the cache keeps it. */
    static void markUsed(BuildCache cache, String record) {
        cache.markUsed(key(record));
    }

    /**
     * The pack kept beside the record {@code record}, open until closed; empty when there is none or it cannot be read
     * as one.
     */
    static Optional<UnitPack> open(BuildCache cache, String record) {
        if (cache.find(key(record)).orElse(null) instanceof BuildCache.Hit.File hit) {
            try {
                FileChannel channel = FileChannel.open(hit.path(), StandardOpenOption.READ);
                Optional<UnitPack> pack = BuildCache.intact(channel, hit.path()) ? read(channel) : Optional.empty();
                if (pack.isEmpty()) {
                    channel.close();
                }
                return pack;
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<UnitPack> read(FileChannel channel) {
        Map<String, long[]> entries = new HashMap<>();
        // not closed: closing it would close the channel, which the pack reads its files' bytes through
        InputStream in = new BufferedInputStream(java.nio.channels.Channels.newInputStream(channel));
        try {
            long[] read = {0};
            if (!HEADER.equals(line(in, read))) {
                return Optional.empty();
            }
            List<String[]> lines = new ArrayList<>();
            for (String line = line(in, read); !line.isEmpty(); line = line(in, read)) {
                String[] fields = line.split("\t");
                if (fields.length != 2) {
                    return Optional.empty();
                }
                lines.add(fields);
            }
            long offset = read[0];
            for (String[] fields : lines) {
                long length = Long.parseLong(fields[1]);
                if (length < 0) {
                    return Optional.empty();
                }
                entries.put(fields[0], new long[] {offset, length});
                offset += length;
            }
            return offset + BuildCache.TRAILER == channel.size() ? Optional.of(new UnitPack(channel, entries)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One line of the header, without its end; counts the bytes read in {@code read}. */
    private static String line(InputStream in, long[] read) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || read[0] > MAX_HEADER) {
                throw new IOException("not a unit pack");
            }
            line.write(b);
            read[0]++;
        }
        read[0]++;
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** The bytes of the file made from {@code key}; empty when the pack does not hold it or it cannot be read. */
    Optional<byte[]> bytes(String key) {
        long[] at = entries.get(key);
        if (at == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(at[1]));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at[0] + buffer.position()) < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(buffer.array());
        } catch (IOException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // only read from
        }
    }

    /** The files a unit's build made, gathered to be kept as one pack. Used by one thread. */
    static final class Gathered {
        private final List<String> keys = new ArrayList<>();
        private final List<byte[]> contents = new ArrayList<>();

        void add(String key, byte[] bytes) {
            keys.add(key);
            contents.add(bytes);
        }

        /** Keeps what was gathered beside the record {@code record}; nothing when nothing was made. */
        void keep(BuildCache cache, String record) {
            if (keys.isEmpty()) {
                return;
            }
            StringBuilder header = new StringBuilder(HEADER).append('\n');
            for (int i = 0; i < keys.size(); i++) {
                header.append(keys.get(i)).append('\t').append(contents.get(i).length).append('\n');
            }
            header.append('\n');
            List<byte[]> chunks = new ArrayList<>(contents.size() + 1);
            chunks.add(header.toString().getBytes(StandardCharsets.US_ASCII));
            chunks.addAll(contents);
            cache.put(key(record), chunks);
        }
    }
}
