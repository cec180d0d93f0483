package org.followthrough.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Markdown;
import org.followthrough.model.ScaleEntry;
import org.junit.jupiter.api.Test;

/**
 * A fingerprint tells apart any two different values, however their objects are shared, and is the
 * same for the same value built the same way: it decides whether an output is made again.
 */
class FingerprintTest {

    /** An enum named as {@link Output.Kind} is, with a constant named as one of its own. */
    private enum Kind { OTHER }

    private static ScaleEntry status(String code, String description) {
        return new ScaleEntry(code, code.replace('-', ' '), new Markdown(description), Lifecycle.IN_PROGRESS);
    }

    @Test
    void theSameValueBuiltAgainHasTheSameFingerprint() {
        ScaleEntry open = status("in-progress", "Work has *started*.");
        ScaleEntry openAgain = status("in-progress", "Work has *started*.");

        assertThat(Fingerprint.of(List.of(open, open), LocalDate.of(2026, 3, 31)))
                .isEqualTo(Fingerprint.of(List.of(openAgain, openAgain), LocalDate.parse("2026-03-31")))
                .hasSize(64);
    }

    @Test
    void aRecordMetAgainIsNotMistakenForAnotherValue() {
        ScaleEntry open = status("in-progress", "Work has started.");
        ScaleEntry done = status("completed", "Work has started.");
        ScaleEntry openWithOtherWords = status("in-progress", "Work has begun.");

        Set<String> fingerprints = new HashSet<>(List.of(
                Fingerprint.of(List.of(open, open)),
                Fingerprint.of(List.of(open, done)),
                Fingerprint.of(List.of(open, openWithOtherWords)),
                Fingerprint.of(List.of(open)),
                Fingerprint.of(List.of(open, List.of(open))),
                Fingerprint.of(List.of(List.of(open), open)),
                Fingerprint.of(List.of(open, open, open))));

        assertThat(fingerprints).as("seven different values, seven fingerprints").hasSize(7);
    }

    @Test
    void valuesOfDifferentTypesWithTheSameTextDiffer() {
        Set<String> fingerprints = new HashSet<>(List.of(
                Fingerprint.of(Output.Kind.OTHER),
                Fingerprint.of(org.followthrough.source.Node.Scalar.Kind.STRING),
                Fingerprint.of(Kind.OTHER),
                Fingerprint.of("OTHER"),
                Fingerprint.of(new Markdown("OTHER")),
                Fingerprint.of(1),
                Fingerprint.of(1L),
                Fingerprint.of("1"),
                Fingerprint.of((Object) null),
                Fingerprint.of("")));

        assertThat(fingerprints).hasSize(10);
    }

    @Test
    void aTextReadBackAsBytesHasTheFingerprintOfTheTextGiven() {
        String text = "Audit of **risk assessments** \u2013 caf\u00e9 \uD83D\uDE00";

        assertThat(Fingerprint.of(Markdown.ofUtf8(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isEqualTo(Fingerprint.of(new Markdown(text)));
    }
    @Test
    void aFingerprintDoesNotDependOnTheOnesMadeBeforeIt() throws Exception {
        ScaleEntry open = status("in-progress", "Work has started.");
        java.util.concurrent.atomic.AtomicReference<String> alone = new java.util.concurrent.atomic.AtomicReference<>();
        Thread fresh = new Thread(() -> alone.set(Fingerprint.of(List.of(open, open), "after nothing")));
        fresh.start();
        fresh.join();

        // made on this thread after others: one that met the same record, one longer than what is held before hashing
        Fingerprint.of(List.of(open), "x".repeat(20_000), List.of(status("completed", "y".repeat(5_000))));
        Fingerprint.of(open);

        assertThat(Fingerprint.of(List.of(open, open), "after nothing")).isEqualTo(alone.get());
    }
}
