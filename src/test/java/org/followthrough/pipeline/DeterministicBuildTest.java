package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The same content and as-of date (and --since date) give byte-identical files, whatever the machine's
 * locale or time zone.
 */
@Isolated("sets the default locale and time zone, which every test in the JVM shares")
class DeterministicBuildTest {

    @Test
    void twoBuildsOfTheShippedContentAreByteIdentical(@TempDir Path tmp) throws IOException {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(Pipeline.build(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, tmp.resolve("one")).withSince(TestBuilds.SINCE)).succeeded()).isTrue();
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(Pipeline.build(TestBuilds.request(TestBuilds.SHIPPED_CONTENT, tmp.resolve("two")).withSince(TestBuilds.SINCE)).succeeded()).isTrue();
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        Map<String, byte[]> one = files(tmp.resolve("one"));
        Map<String, byte[]> two = files(tmp.resolve("two"));
        assertThat(one).hasSizeGreaterThan(5);
        assertThat(two.keySet()).isEqualTo(one.keySet());
        one.forEach((path, bytes) -> assertThat(two.get(path)).as(path).isEqualTo(bytes));
    }

    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
