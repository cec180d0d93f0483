package org.followthrough.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The patterns of ids and web addresses are published in the JSON schemas as editors' validators read them, and
 * matched here in a form that does not take a level of Java's stack for each part of the text: the two say the same of
 * every text, and a text as long as a field may be is matched on a small stack.
 */
class FieldPatternsTest {

    private static final Map<String, TextPattern> PATTERNS = Map.of(
            "id", ContentFormat.ID, "web address", ContentFormat.WEB_ADDRESS, "folder address", ContentFormat.FOLDER_ADDRESS);

    /** Texts near the edges of each pattern, and pieces the random texts below are made of. */
    private static final List<String> WRITTEN = List.of("", "a", "a-b", "a--b", "-a", "a-", "hom-2019-04", "A", "a_b", "a1-2b",
            "https://example.org", "https://example.org/", "http://example.org/a/b/", "https://example.org/a/b",
            "https://example.org/a%20b/", "https://example.org/a%2/", "https://example.org/%zz", "https://a.b.c.example/",
            "https://a-.example/", "https://-a.example/", "https://1.2.3.4/", "https://1.2.3.256/", "https://1.2.3/",
            "https://example.org:8080/x?y=1#z", "https://example.org/?a?b#c?d", "https://example.org/#a#b", "https://example.org//",
            "https://example.org/a//b/", "https://example.org./", "https://example.1/", "https://x1.example/", "ftp://example.org/",
            "https://example.org:/", "https://example.org:123456/", "https://exa mple.org/", "https://example.org/a b/");

    private static final String[] PIECES = {"a", "z", "0", "9", "A", "-", "--", ".", "/", "//", "?", "#", "%", "%2F", "%g", ":", ":80",
        "https://", "http://", "x.", "1.", "255", "256", " ", "_", "~", "@", "'"};

    @Test
    void eachPatternSaysOfEveryTextWhatItsPublishedFormSays() {
        List<String> texts = new ArrayList<>(WRITTEN);
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "https://" : "");
            for (int n = random.nextInt(8); n >= 0; n--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.append(random.nextInt(3) == 0 ? "/" : "").toString());
        }
        PATTERNS.forEach((name, pattern) -> {
            Pattern published = Pattern.compile(pattern.published());
            long accepted = 0;
            for (String text : texts) {
                boolean expected = published.matcher(text).matches();
                assertThat(pattern.matches(text)).as("%s: %s", name, text).isEqualTo(expected);
                accepted += expected ? 1 : 0;
            }
            assertThat(accepted).as("texts the %s accepts", name).isGreaterThan(50);
        });
    }

    @Test
    void aTextAsLongAsAFieldMayBeIsMatchedOnASmallStack() throws InterruptedException {
        int length = Limits.MAX_TEXT_LENGTH;
        Map<String, String> texts = Map.of(
                "id", "a-".repeat(length / 2 - 1) + "a",
                "web address", "https://example.org/" + "a".repeat(length - 20),
                "query", "https://example.org/?" + "a%20".repeat((length - 21) / 4),
                "folder address", "https://example.org/" + "a/".repeat((length - 20) / 2),
                "host", "https://" + "a.".repeat((length - 12) / 2) + "org/");
        AtomicReference<Object> answer = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                answer.set(List.of(ContentFormat.ID.matches(texts.get("id")), ContentFormat.ID.matches(texts.get("id") + "-"),
                        ContentFormat.WEB_ADDRESS.matches(texts.get("web address")), ContentFormat.WEB_ADDRESS.matches(texts.get("query")),
                        ContentFormat.WEB_ADDRESS.matches(texts.get("web address") + " "), ContentFormat.FOLDER_ADDRESS.matches(texts.get("folder address")),
                        ContentFormat.FOLDER_ADDRESS.matches(texts.get("folder address") + "a"), ContentFormat.FOLDER_ADDRESS.matches(texts.get("host"))));
            } catch (StackOverflowError e) {
                answer.set(e);
            }
        }, "small stack", 128 * 1024);
        small.start();
        small.join();

        assertThat(answer.get()).isEqualTo(List.of(true, false, true, true, false, true, false, true));
    }
}
