package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.followthrough.output.MemoryPublisher;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;

/**
 * The small fixture site, rendered as at 2026-11-23 with the changes since 1 June 2024, compared file by file with reviewed golden
 * copies in src/test/resources/golden/small/. After an intended change to the output, regenerate
 * them with {@code mvn verify -Dfollowthrough.updateGoldens=true} and review the diff before committing.
 * PDFs are left out: they cannot be reviewed as a diff, and are checked by veraPDF, for byte-identical
 * output, and by eye instead. JSON files, which the site writes on one line, are kept indented here
 * and compared indented, so that a change to them reads as a diff of the lines it touches (that the
 * site's own are compact is tested with the data renderers).
 */
class GoldenSiteTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/small");
    /** With what changed after this date ({@code build --since}): a change of status, an update and two targets that passed. */
    private static final LocalDate SINCE = LocalDate.of(2024, 6, 1);

    @Test
    void smallSiteMatchesTheReviewedGoldenFiles() throws IOException {
        MemoryPublisher built = TestBuilds.buildInMemory(TestBuilds.request(TestBuilds.fixture("small"), null).withSince(SINCE));
        Map<String, byte[]> site = new java.util.TreeMap<>(built.asMap());
        site.keySet().removeIf(path -> path.endsWith(".pdf"));
        if (Boolean.getBoolean("followthrough.updateGoldens")) {
            rewrite(site);
        }
        List<String> golden;
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            golden = walk.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(site.keySet()).as("files of the site").containsExactlyElementsOf(golden);
        for (String path : golden) {
            assertThat(reviewable(path, site.get(path))).as(path)
                    .isEqualTo(new String(Files.readAllBytes(GOLDEN.resolve(path)), StandardCharsets.UTF_8));
        }
    }

    /** The file as its golden copy holds it: JSON indented, key order and values as written; anything else as it is. */
    private static String reviewable(String path, byte[] bytes) throws IOException {
        if (!path.endsWith(".json")) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(bytes)) + "\n";
    }

    private static void rewrite(Map<String, byte[]> files) throws IOException {
        if (Files.exists(GOLDEN)) {
            try (Stream<Path> walk = Files.walk(GOLDEN)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (var entry : files.entrySet()) {
            Path file = GOLDEN.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, reviewable(entry.getKey(), entry.getValue()));
        }
    }
}
