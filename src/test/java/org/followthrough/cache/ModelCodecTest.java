package org.followthrough.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.followthrough.model.Action;
import org.followthrough.model.Markdown;
import org.followthrough.model.Plan;
import org.followthrough.model.ScaleEntry;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.render.Fingerprint;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;

/**
 * A plan kept in the cache is read back as the plan that was kept: equal in every part, sharing
 * what it shared, and nothing but the project's own model can be made from the bytes.
 */
class ModelCodecTest {

    private static List<Plan> shippedPlans() {
        BuildResult checked = Pipeline.check(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, null));
        assertThat(checked.succeeded()).as("%s", checked.problems()).isTrue();
        return checked.archive().plans();
    }

    @Test
    void readsBackEveryShippedPlanAsItWasKept() throws IOException {
        List<Plan> plans = shippedPlans();
        assertThat(plans).isNotEmpty();

        for (Plan plan : plans) {
            PlanStore.Kept kept = new PlanStore.Kept(plan, List.of(), null, null);
            assertThat(ModelCodec.read(ModelCodec.write(kept))).as(plan.id()).isEqualTo(kept);
        }
    }

    /** Fingerprints encode a record met again as a reference to it, so a plan read back must share what it shared. */
    @Test
    void everyShippedPlanReadBackHasTheFingerprintOfThePlanLoaded() throws IOException {
        for (Plan plan : shippedPlans()) {
            Plan read = (Plan) ModelCodec.read(ModelCodec.write(plan));

            assertThat(Fingerprint.of(read)).as(plan.id()).isEqualTo(Fingerprint.of(plan));
            for (String organisation : plan.organisationIds()) {
                assertThat(Fingerprint.of(read.partOf(organisation))).as(plan.id() + ", " + organisation + "'s part")
                        .isEqualTo(Fingerprint.of(plan.partOf(organisation)));
            }
        }
    }

    @Test
    void aStatusSharedByManyActionsIsReadBackAsOneObject() throws IOException {
        Plan plan = shippedPlans().stream().max(java.util.Comparator.comparingLong(p -> p.actions().count())).orElseThrow();
        List<ScaleEntry> statuses = plan.actions().map(Action::status).filter(java.util.Objects::nonNull).toList();
        assertThat(statuses).hasSizeGreaterThan(1);
        ScaleEntry first = statuses.get(0);
        long sharingIt = statuses.stream().filter(s -> s == first).count();
        assertThat(sharingIt).as("actions whose status is the same object as the first one's").isGreaterThan(1);

        Plan read = (Plan) ModelCodec.read(ModelCodec.write(plan));

        List<ScaleEntry> readStatuses = read.actions().map(Action::status).filter(java.util.Objects::nonNull).toList();
        assertThat(readStatuses.stream().filter(s -> s == readStatuses.get(0)).count()).isEqualTo(sharingIt);
    }

    /** A thousand plans hold some 180,000 dates but a few thousand days: a day read back again, in any plan, is the same object. */
    @Test
    void aDayReadBackInTwoPlansIsOneDate() throws IOException {
        java.time.LocalDate day = java.time.LocalDate.of(2024, 3, 31);
        List<java.time.LocalDate> first = asDates(ModelCodec.read(ModelCodec.write(List.of(day))));
        List<java.time.LocalDate> second = asDates(ModelCodec.read(ModelCodec.write(List.of(java.time.LocalDate.parse("2024-03-31"), day.plusDays(1)))));

        assertThat(first.get(0)).isEqualTo(day).isSameAs(second.get(0));
        assertThat(second.get(1)).isEqualTo(java.time.LocalDate.of(2024, 4, 1));
        java.time.LocalDate ancient = java.time.LocalDate.of(1066, 10, 14);
        assertThat(ModelCodec.read(ModelCodec.write(ancient))).as("a day outside the century kept").isEqualTo(ancient);
    }

    @SuppressWarnings("unchecked")
    private static List<java.time.LocalDate> asDates(Object read) {
        return (List<java.time.LocalDate>) read;
    }

    @Test
    void textsRepeatedAndListsEmptyOrHoldingNothingAreReadBackEqual() throws IOException {
        List<String> texts = List.of("Open", "Closed", "Open", "Open", "", "Closed — signed off");
        List<List<String>> lists = List.of(List.of(), Arrays.asList("Open", null), texts, List.of());

        assertThat(ModelCodec.read(ModelCodec.write(texts))).isEqualTo(texts);
        assertThat(ModelCodec.read(ModelCodec.write(lists))).isEqualTo(lists);
    }

    /** Texts are read back as the bytes kept, made into text when asked for: the same texts, to the last character. */
    @Test
    void markdownTextsAreReadBackAsTheyWereWhateverTheirCharacters() throws IOException {
        List<Markdown> texts = List.of(new Markdown(""), new Markdown("Plain"), new Markdown("Signed off — “in full”, 12½% ✓ 😀\n\n| a |\n|---|"),
                new Markdown("Plain"));

        @SuppressWarnings("unchecked")
        List<Markdown> read = (List<Markdown>) ModelCodec.read(ModelCodec.write(texts));

        assertThat(read).isEqualTo(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(read.get(i).source()).isEqualTo(texts.get(i).source());
            assertThat(read.get(i).hashCode()).isEqualTo(texts.get(i).hashCode());
            assertThat(Fingerprint.of(read.get(i))).as("a key made from the text read back").isEqualTo(Fingerprint.of(texts.get(i)));
        }
    }

    @Test
    void refusesToMakeAClassOutsideTheProject() {
        byte[] bytes = ModelCodec.write(new ScaleEntry("open", "Open", null, null));
        String written = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = written.indexOf(ModelCodec.ALLOWED);
        assertThat(at).isPositive();
        // The same length, so that only the name differs: a class of the Java runtime
        byte[] elsewhere = "java.lang.Runtime.".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(elsewhere).hasSize(ModelCodec.ALLOWED.length());
        System.arraycopy(elsewhere, 0, bytes, at, elsewhere.length);

        assertThatThrownBy(() -> ModelCodec.read(bytes)).isInstanceOf(IOException.class).hasMessageContaining("refusing");
    }

    @Test
    void bytesCutShortOrOfAnotherFormatAreNoModel() {
        byte[] bytes = ModelCodec.write(shippedPlans().get(0));

        for (int length : new int[] {0, 3, 4, 5, bytes.length / 2, bytes.length - 1}) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> ModelCodec.read(cut)).as("cut to %d bytes", length).isInstanceOf(IOException.class);
        }
        byte[] older = bytes.clone();
        older[3] = 1;
        assertThatThrownBy(() -> ModelCodec.read(older)).isInstanceOf(IOException.class).hasMessageContaining("another version");
    }

    /**
     * A plan kept in the cache is read back from its file mapped into memory, its texts left in the file until shown; the
     * bytes each thread reads are copied into an array it keeps for the next plan, so a text must not be a view of that.
     */
    @Test
    void aPlanReadFromItsFileMappedIntoMemoryKeepsItsTextsWhenTheNextPlanIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws IOException {
        List<Plan> plans = shippedPlans();
        assertThat(plans).hasSizeGreaterThan(1);
        PlanStore store = BuildCache.in(temp).plans();
        for (int i = 0; i < plans.size(); i++) {
            store.keep(Fingerprint.of("plan", i), new PlanStore.Kept(plans.get(i), List.of(), null, null));
        }

        List<Plan> read = new java.util.ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            read.add(store.find(Fingerprint.of("plan", i)).orElseThrow().plan());
        }

        assertThat(((PlanStore.InFolder) store).mapped()).as("plans read from their files mapped into memory").isEqualTo(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            assertThat(read.get(i)).as(plans.get(i).id()).isEqualTo(plans.get(i));
            assertThat(Fingerprint.of(read.get(i))).as(plans.get(i).id()).isEqualTo(Fingerprint.of(plans.get(i)));
        }
    }

    /** Past the plans a build maps into memory, the rest are read into the heap, and read back the same. */
    @Test
    void plansPastTheMostMappedAreReadIntoTheHeapAsTheyWereKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws IOException {
        List<Plan> plans = shippedPlans();
        PlanStore.InFolder store = new PlanStore.InFolder(temp.resolve("plans"), temp.resolve("content"), BuildCache.Use.NONE, 1);
        for (int i = 0; i < plans.size(); i++) {
            store.keep(Fingerprint.of("plan", i), new PlanStore.Kept(plans.get(i), List.of(), null, null));
        }

        for (int i = 0; i < plans.size(); i++) {
            assertThat(store.find(Fingerprint.of("plan", i)).orElseThrow().plan()).as(plans.get(i).id()).isEqualTo(plans.get(i));
        }
        assertThat(store.mapped()).as("plans mapped; the rest were read into the heap").isEqualTo(1);
        java.nio.file.Path cut = BuildCache.entry(temp.resolve("plans"), Fingerprint.of("cut short"));
        java.nio.file.Files.createDirectories(cut.getParent());
        java.nio.file.Files.write(cut, Arrays.copyOf(ModelCodec.write(new PlanStore.Kept(plans.get(0), List.of(), null, null)), 100));
        assertThat(store.find(Fingerprint.of("cut short"))).as("an entry cut short, read into the heap").isEmpty();
    }

    /** What a longer read left in the thread's array is never taken for the rest of a shorter entry cut short. */
    @Test
    void anEntryCutShortAfterALongerOneIsNoModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws IOException {
        Plan longest = shippedPlans().stream().max(java.util.Comparator.comparingLong(p -> p.actions().count())).orElseThrow();
        byte[] whole = ModelCodec.write(longest);
        java.nio.file.Path file = java.nio.file.Files.write(temp.resolve("entry"), whole);
        assertThat(ModelCodec.read(mapped(file))).isEqualTo(longest);

        for (int length : new int[] {0, 4, 5, whole.length / 2, whole.length - 1}) {
            // a file of its own each time: an entry is never cut short in place, and one mapped may not be (on Windows)
            java.nio.file.Path cut = java.nio.file.Files.write(temp.resolve("cut to " + length), Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> ModelCodec.read(mapped(cut))).as("cut to %d bytes", length).isInstanceOf(IOException.class);
        }
    }

    private static java.nio.ByteBuffer mapped(java.nio.file.Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
    }
}
