package org.followthrough.render.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pre-built index the search page's small script reads, so that searching needs no server and
 * no third party. It is split so that one search downloads little whatever the size of the archive:
 * the documents (organisations, plans and actions, with what a result shows) in shards of {@value #DOCS_PER_SHARD},
 * and the words, each with the documents that hold it, in buckets chosen by the word's first two
 * letters, so that the script fetches only the buckets of the words searched for (and finds words
 * that start with what was typed). assets/search.js must split words and choose buckets exactly as
 * {@link #words} and {@link #bucket} do.
 */
public final class SearchIndex {

    public static final int DOCS_PER_SHARD = 200;
    /** Buckets of words: about one per this many documents, a power of two between the bounds. */
    static final int DOCS_PER_BUCKET = 50;
    static final int MIN_BUCKETS = 8;
    static final int MAX_BUCKETS = 512;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Words too common to narrow a search; the script drops them from a query too. */
    static final Set<String> STOP_WORDS = Set.of("an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
            "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "will", "with");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One thing a search can find, and what its result shows: {@code type} "organisation", "plan" or "action", its title and
     * page, what it belongs to ({@code context}), how it stands, a few words of it; {@code text} is what is
     * searched besides the title.
     */
    public record Doc(String type, String title, String path, String context, String status, String snippet, String text) {
    }

    /** The index's files by name (under the index folder), made from the documents in order. */
    public record Files(String meta, List<String> docShards, List<String> wordBuckets) {
    }

    private SearchIndex() {
    }

    /** How many buckets of words an index of this many documents has. */
    public static int buckets(int documents) {
        int buckets = MIN_BUCKETS;
        while (buckets < MAX_BUCKETS && buckets * DOCS_PER_BUCKET < documents) {
            buckets *= 2;
        }
        return buckets;
    }

    /** How many shards of documents an index of this many documents has. */
    public static int shards(int documents) {
        return Math.max(1, (documents + DOCS_PER_SHARD - 1) / DOCS_PER_SHARD);
    }

    /** The bucket of a word: its first two letters as a number, modulo the number of buckets. */
    public static int bucket(String word, int buckets) {
        int first = ALPHABET.indexOf(word.charAt(0));
        int second = word.length() > 1 ? ALPHABET.indexOf(word.charAt(1)) : 0;
        return (first * ALPHABET.length() + second) % buckets;
    }

    /** The words of a text as the index keeps them: lower case, accents dropped, letters and digits only, two or more long. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        addWords(text, words);
        return words;
    }

    /** Adds the words of a text, as {@link #words} gives them, to a collection. */
    private static void addWords(String text, Collection<String> into) {
        if (text == null) {
            return;
        }
        if (!ascii(text)) {
            String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            for (String word : plain.split("[^a-z0-9]+")) {
                keep(word, into);
            }
            return;
        }
        // text in ASCII, most of it: lower case and splitting are the same done a letter at a time, and nothing decomposes
        char[] word = new char[text.length()];
        int length = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= 'A' && c <= 'Z') {
                word[length++] = (char) (c + ('a' - 'A'));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                word[length++] = c;
            } else if (length > 0) {
                keep(new String(word, 0, length), into);
                length = 0;
            }
        }
    }

    private static void keep(String word, Collection<String> into) {
        if (word.length() >= 2 && !STOP_WORDS.contains(word)) {
            into.add(word);
        }
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Some documents in a row, each with what its result shows and the words it holds (by its place among them), made
     * apart from the others so that the parts of many plans can be made at once, kept from one build to the next as
     * {@link #bytes}, and joined in order by {@link #join}.
     */
    public static final class Part {
        private static final String FORMAT = "followthrough search part 1";
        private final List<List<String>> shown;
        /** The words, in order, and for each the places of the documents that hold it, ascending. */
        private final String[] words;
        private final int[][] holders;

        private Part(List<List<String>> shown, String[] words, int[][] holders) {
            this.shown = shown;
            this.words = words;
            this.holders = holders;
        }

        int size() {
            return shown.size();
        }

        /** The part as bytes that {@link #read} makes the same part of again. */
        public byte[] bytes() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                writeText(out, FORMAT);
                writeNumber(out, shown.size());
                for (List<String> row : shown) {
                    for (String field : row) {
                        writeText(out, field);
                    }
                }
                writeNumber(out, words.length);
                for (int w = 0; w < words.length; w++) {
                    writeText(out, words[w]);
                    writeNumber(out, holders[w].length);
                    int previous = 0;
                    for (int id : holders[w]) {
                        writeNumber(out, id - previous);
                        previous = id;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /** The part written as {@link #bytes}; an {@link IllegalArgumentException} for bytes that are not one. */
        public static Part read(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                if (!FORMAT.equals(readText(in))) {
                    throw new IllegalArgumentException("not a part of a search index");
                }
                int documents = readNumber(in);
                List<List<String>> shown = new ArrayList<>(documents);
                for (int d = 0; d < documents; d++) {
                    shown.add(List.of(readText(in), readText(in), readText(in), readText(in), readText(in), readText(in)));
                }
                String[] words = new String[readNumber(in)];
                int[][] holders = new int[words.length][];
                for (int w = 0; w < words.length; w++) {
                    words[w] = readText(in);
                    holders[w] = new int[readNumber(in)];
                    int previous = 0;
                    for (int i = 0; i < holders[w].length; i++) {
                        previous += readNumber(in);
                        holders[w][i] = previous;
                    }
                }
                if (in.read() != -1) {
                    throw new IllegalArgumentException("a part of a search index with more after its end");
                }
                return new Part(shown, words, holders);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not a part of a search index: " + e.getMessage(), e);
            }
        }

        private static void writeText(DataOutputStream out, String text) throws IOException {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            writeNumber(out, utf8.length);
            out.write(utf8);
        }

        private static String readText(DataInputStream in) throws IOException {
            byte[] utf8 = new byte[readNumber(in)];
            in.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /** A number of zero or more in seven bits a byte, the last byte's high bit clear: most here take one byte. */
        private static void writeNumber(DataOutputStream out, int number) throws IOException {
            int rest = number;
            while ((rest & ~0x7f) != 0) {
                out.write((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            out.write(rest);
        }

        private static int readNumber(DataInputStream in) throws IOException {
            int number = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                int next = in.readUnsignedByte();
                number |= (next & 0x7f) << shift;
                if ((next & 0x80) == 0) {
                    if (number < 0) {
                        break;
                    }
                    return number;
                }
            }
            throw new IOException("a number out of range");
        }
    }

    /** The part of the index of these documents. */
    public static Part part(List<Doc> docs) {
        List<List<String>> shown = new ArrayList<>(docs.size());
        Map<String, Postings> words = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Doc doc : docs) {
            int id = shown.size();
            shown.add(List.of(doc.type(), doc.title(), doc.path(), nonNull(doc.context()), nonNull(doc.status()), nonNull(doc.snippet())));
            seen.clear();
            addWords(doc.title(), seen);
            addWords(doc.text(), seen);
            for (String word : seen) {
                words.computeIfAbsent(word, w -> new Postings()).add(id);
            }
        }
        String[] sorted = words.keySet().toArray(new String[0]);
        Arrays.sort(sorted);
        int[][] holders = new int[sorted.length][];
        for (int w = 0; w < sorted.length; w++) {
            Postings postings = words.get(sorted[w]);
            holders[w] = Arrays.copyOf(postings.ids, postings.size);
        }
        return new Part(shown, sorted, holders);
    }

    /** The files of the index of these documents. */
    public static Files build(List<Doc> docs) {
        return join(List.of(part(docs)));
    }

    /** The files of the index of the documents of these parts, in order. */
    public static Files join(List<Part> parts) {
        int documents = parts.stream().mapToInt(Part::size).sum();
        int buckets = buckets(documents);
        List<Map<String, Postings>> words = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            words.add(new HashMap<>());
        }
        List<String> shards = new ArrayList<>();
        List<List<String>> shard = new ArrayList<>();
        int first = 0;
        for (Part part : parts) {
            for (List<String> shown : part.shown) {
                shard.add(shown);
                if (shard.size() == DOCS_PER_SHARD) {
                    shards.add(write(shard));
                    shard.clear();
                }
            }
            for (int w = 0; w < part.words.length; w++) {
                words.get(bucket(part.words[w], buckets)).computeIfAbsent(part.words[w], word -> new Postings()).addAll(part.holders[w], first);
            }
            first += part.size();
        }
        if (!shard.isEmpty() || shards.isEmpty()) {
            shards.add(write(shard)); // a site with no plans yet still has its one shard, empty, as shards(0) says
        }
        List<String> bucketFiles = new ArrayList<>();
        for (Map<String, Postings> bucket : words) {
            bucketFiles.add(writeBucket(bucket));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("documents", documents);
        meta.put("docsPerShard", DOCS_PER_SHARD);
        meta.put("buckets", buckets);
        return new Files(write(meta), shards, bucketFiles);
    }

    /**
     * One shard of documents, as {@link #join} makes it, from the parts that hold its documents, in order: the first
     * {@code skip} documents of the first parts are those of the shards before it.
     */
    public static String shard(List<Part> parts, int skip) {
        List<List<String>> rows = new ArrayList<>();
        int skipped = 0;
        for (Part part : parts) {
            for (List<String> row : part.shown) {
                if (skipped < skip) {
                    skipped++;
                } else if (rows.size() < DOCS_PER_SHARD) {
                    rows.add(row);
                }
            }
        }
        return write(rows);
    }

    /** The documents that hold a word, by number, ascending. */
    private static final class Postings {
        private int[] ids = new int[4];
        private int size;

        void add(int id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        void addAll(int[] more, int offset) {
            if (size + more.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(size + more.length, size * 2));
            }
            for (int id : more) {
                ids[size++] = id + offset;
            }
        }
    }

    /** A bucket's words in order, each with its documents as gaps from the one before: smaller numbers, a smaller file. */
    private static String writeBucket(Map<String, Postings> bucket) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            for (String word : new TreeMap<>(bucket).keySet()) {
                Postings postings = bucket.get(word);
                json.writeFieldName(word);
                json.writeStartArray();
                int previous = 0;
                for (int i = 0; i < postings.size; i++) {
                    json.writeNumber(postings.ids[i] - previous);
                    previous = postings.ids[i];
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out + "\n";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
