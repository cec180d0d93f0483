package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.followthrough.cache.BuildCache;
import org.followthrough.render.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack of a unit's files in the build cache gives back each file's bytes as kept, or nothing: never another file's. */
class UnitPackTest {

    @TempDir
    Path temp;

    private static final String RECORD = Fingerprint.of("unit", "plan:a");
    private static final String FIRST = Fingerprint.of("plans/a/index.html", 1);
    private static final String SECOND = Fingerprint.of("plans/a/plan.json", 1);

    private static void keep(BuildCache cache, String firstText, String secondText) {
        UnitPack.Gathered gathered = new UnitPack.Gathered();
        gathered.add(FIRST, firstText.getBytes(StandardCharsets.UTF_8));
        gathered.add(SECOND, secondText.getBytes(StandardCharsets.UTF_8));
        gathered.keep(cache, RECORD);
    }

    private static Optional<String> text(UnitPack pack, String key) {
        return pack.bytes(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void eachFileComesBackAsItWasKept() {
        BuildCache cache = BuildCache.in(temp);
        keep(cache, "<p>the plan’s page</p>", "{\"plan\": \"a\"}");

        try (UnitPack pack = UnitPack.open(cache, RECORD).orElseThrow()) {
            assertThat(text(pack, FIRST)).contains("<p>the plan’s page</p>");
            assertThat(text(pack, SECOND)).contains("{\"plan\": \"a\"}");
            assertThat(pack.bytes(Fingerprint.of("plans/a/actions.csv", 1))).isEmpty();
        }
    }

    @Test
    void aUnitWithNothingMadeKeepsNoPack() {
        BuildCache cache = BuildCache.in(temp);

        new UnitPack.Gathered().keep(cache, RECORD);

        assertThat(UnitPack.open(cache, RECORD)).isEmpty();
    }

    /** Two builds may share a cache: one may put a pack in place of the one another is reading. */
    @Test
    void aPackPutInPlaceAfterItsHeaderWasReadIsNotMixedWithIt() {
        BuildCache cache = BuildCache.in(temp);
        keep(cache, "first page", "first data");

        try (UnitPack pack = UnitPack.open(cache, RECORD).orElseThrow()) {
            keep(cache, "a much longer page, which moves every offset after it", "other data");

            assertThat(text(pack, SECOND)).contains("first data");
        }
    }

    @Test
    void aPackCutShortOrLongerThanItsHeaderSaysIsNotRead() throws IOException {
        BuildCache cache = BuildCache.in(temp);
        keep(cache, "page", "data");
        Path file = onlyEntry();
        byte[] bytes = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(UnitPack.open(cache, RECORD)).as("cut short").isEmpty();
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length + 1));
        assertThat(UnitPack.open(cache, RECORD)).as("longer").isEmpty();
        Files.writeString(file, "page data");
        assertThat(UnitPack.open(cache, RECORD)).as("not a pack").isEmpty();
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> files = Files.walk(temp.resolve("objects"))) {
            return files.filter(Files::isRegularFile).reduce((a, b) -> {
                throw new AssertionError("more than one entry: " + a + ", " + b);
            }).orElseThrow();
        }
    }
}
