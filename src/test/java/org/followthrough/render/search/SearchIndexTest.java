package org.followthrough.render.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search index's files are what the search page's script reads: the same documents give the same files however the
 * index is made, whole or joined from the parts of many plans, made now or read back from the bytes a build kept.
 */
class SearchIndexTest {

    /** The rule assets/search.js follows, as written: lower case, accents dropped, split on all but letters and digits. */
    private static List<String> wordsByTheRule(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return Arrays.stream(plain.split("[^a-z0-9]+")).filter(w -> w.length() >= 2 && !SearchIndex.STOP_WORDS.contains(w)).toList();
    }

    @Test
    void wordsAreLowerCaseWithoutAccentsAndWithoutTheCommonestWords() {
        assertThat(SearchIndex.words("The Trust's A&E audit, 2019-20: Café RÉSUMÉ of 5 wards"))
                .containsExactly("trust", "audit", "2019", "20", "cafe", "resume", "wards");
        assertThat(SearchIndex.words(null)).isEmpty();
        assertThat(SearchIndex.words("  --  ")).isEmpty();
    }

    @Test
    void textInPlainAsciiIsSplitIntoTheSameWordsAsAnyOtherText() {
        Random random = new Random(7);
        String letters = "aZ09 -'.,&/_\t\nQqEe";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(letters.charAt(random.nextInt(letters.length())));
            }
            assertThat(SearchIndex.words(text.toString())).as("%s", text).isEqualTo(wordsByTheRule(text.toString()));
        }
        // one letter outside ASCII takes the other way through: the words are the same
        assertThat(SearchIndex.words("Naïve A&E review\u00a0of it")).isEqualTo(wordsByTheRule("Naïve A&E review\u00a0of it"))
                .containsExactly("naive", "review");
    }

    @Test
    void anIndexJoinedFromPartsIsTheIndexOfAllTheDocumentsInOrder() {
        List<SearchIndex.Doc> docs = documents(1_234);
        SearchIndex.Files whole = SearchIndex.build(docs);

        List<SearchIndex.Part> parts = new ArrayList<>();
        for (int from = 0, size = 1; from < docs.size(); from += size, size = size * 3 % 97 + 1) {
            parts.add(SearchIndex.part(docs.subList(from, Math.min(docs.size(), from + size))));
        }
        parts.add(2, SearchIndex.part(List.of())); // a plan with no documents adds nothing

        assertThat(parts).hasSizeGreaterThan(20);
        assertThat(SearchIndex.join(parts)).isEqualTo(whole);
        assertThat(whole.docShards()).hasSize(SearchIndex.shards(docs.size()));
        assertThat(whole.wordBuckets()).hasSize(SearchIndex.buckets(docs.size()));
    }

    @Test
    void aShardMadeFromThePartsThatHoldItsDocumentsIsTheShardOfTheWholeIndex() {
        List<SearchIndex.Doc> docs = documents(1_111);
        List<SearchIndex.Part> parts = new ArrayList<>();
        List<Integer> firsts = new ArrayList<>();
        for (int from = 0, size = 7; from < docs.size(); from += size, size = size * 5 % 89 + 1) {
            firsts.add(from);
            parts.add(SearchIndex.part(docs.subList(from, Math.min(docs.size(), from + size))));
        }
        firsts.add(docs.size());
        SearchIndex.Files whole = SearchIndex.join(parts);

        for (int n = 0; n < whole.docShards().size(); n++) {
            int from = n * SearchIndex.DOCS_PER_SHARD;
            int to = from + SearchIndex.DOCS_PER_SHARD;
            List<SearchIndex.Part> holding = new ArrayList<>();
            int firstHeld = -1;
            for (int p = 0; p < parts.size(); p++) {
                if (firsts.get(p) < to && firsts.get(p + 1) > from) {
                    firstHeld = firstHeld < 0 ? firsts.get(p) : firstHeld;
                    holding.add(parts.get(p));
                }
            }
            assertThat(SearchIndex.shard(holding, from - firstHeld)).as("shard %d", n).isEqualTo(whole.docShards().get(n));
        }
    }

    @Test
    void aPartReadBackFromItsBytesJoinsAsTheDocumentsWould() {
        List<SearchIndex.Doc> docs = new ArrayList<>(documents(300));
        docs.add(new SearchIndex.Doc("action", "Action 9.1 (recommendation 9)", "plans/p/recommendations/9/#action-9-1", "Plan — Öxford",
                null, "Ça va", "x".repeat(70_000) + " Straße review"));
        SearchIndex.Part part = SearchIndex.part(docs);

        SearchIndex.Part read = SearchIndex.Part.read(part.bytes());

        assertThat(read.bytes()).isEqualTo(part.bytes());
        assertThat(SearchIndex.join(List.of(read))).isEqualTo(SearchIndex.build(docs));
    }

    @Test
    void bytesThatAreNotAWholePartAreRefused() {
        byte[] bytes = SearchIndex.part(documents(20)).bytes();

        assertThatThrownBy(() -> SearchIndex.Part.read(Arrays.copyOf(bytes, bytes.length - 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchIndex.Part.read(Arrays.copyOf(bytes, bytes.length + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchIndex.Part.read("a file of something else".getBytes())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchIndex.Part.read(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIndexOfNoDocumentsStillHasItsOneShard() {
        SearchIndex.Files none = SearchIndex.join(List.of(SearchIndex.part(List.of()), SearchIndex.part(List.of())));

        assertThat(none.docShards()).containsExactly("[]\n");
        assertThat(none.meta()).contains("\"documents\":0");
    }

    /** Documents of varied words, some shared by many, some by few, some outside ASCII. */
    private static List<SearchIndex.Doc> documents(int count) {
        Random random = new Random(count);
        String[] vocabulary = {"audit", "Ward", "discharge", "safeguarding", "risk", "family", "Trust", "police", "café", "Ärzte", "2019",
            "triage", "GP", "care-plan", "MAPPA", "the", "of", "x", "naïve", "review", "policy", "training", "record"};
        List<SearchIndex.Doc> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(30); w > 0; w--) {
                text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
            }
            text.append("word").append(i);
            docs.add(new SearchIndex.Doc(i % 7 == 0 ? "plan" : "action", "Document " + i, "plans/p" + i / 30 + "/", i % 3 == 0 ? null : "Plan " + i / 30,
                    "In progress", "Snippet " + i, text.toString()));
        }
        return docs;
    }
}
