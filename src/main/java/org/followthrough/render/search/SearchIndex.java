package org.followthrough.render.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
        if (text == null) {
            return words;
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        for (String word : plain.split("[^a-z0-9]+")) {
            if (word.length() >= 2 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** The files of the index of these documents. */
    public static Files build(List<Doc> docs) {
        int buckets = buckets(docs.size());
        List<Map<String, List<Integer>>> words = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            words.add(new TreeMap<>());
        }
        List<List<List<String>>> shards = new ArrayList<>();
        if (docs.isEmpty()) {
            shards.add(new ArrayList<>()); // a site with no plans yet still has its one shard, empty, as shards(0) says
        }
        for (int id = 0; id < docs.size(); id++) {
            Doc doc = docs.get(id);
            if (id % DOCS_PER_SHARD == 0) {
                shards.add(new ArrayList<>());
            }
            shards.get(shards.size() - 1).add(List.of(doc.type(), doc.title(), doc.path(), nonNull(doc.context()), nonNull(doc.status()),
                    nonNull(doc.snippet())));
            Set<String> seen = new LinkedHashSet<>(words(doc.title()));
            seen.addAll(words(doc.text()));
            for (String word : seen) {
                List<Integer> postings = words.get(bucket(word, buckets)).computeIfAbsent(word, w -> new ArrayList<>());
                postings.add(id);
            }
        }
        List<String> bucketFiles = new ArrayList<>();
        for (Map<String, List<Integer>> bucket : words) {
            // each list of documents as gaps from the one before: smaller numbers, a smaller file
            Map<String, List<Integer>> gaps = new LinkedHashMap<>();
            bucket.forEach((word, ids) -> {
                List<Integer> deltas = new ArrayList<>(ids.size());
                int previous = 0;
                for (int id : ids) {
                    deltas.add(id - previous);
                    previous = id;
                }
                gaps.put(word, deltas);
            });
            bucketFiles.add(write(gaps));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("documents", docs.size());
        meta.put("docsPerShard", DOCS_PER_SHARD);
        meta.put("buckets", buckets);
        return new Files(write(meta), shards.stream().map(SearchIndex::write).toList(), bucketFiles);
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
