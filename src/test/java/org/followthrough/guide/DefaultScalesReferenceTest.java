package org.followthrough.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.followthrough.model.DefaultScales;
import org.followthrough.model.Scale;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Scales;
import org.junit.jupiter.api.Test;

/** The table of default scales in the content format reference is exactly what the code uses. */
class DefaultScalesReferenceTest {

    @Test
    void theReferenceListsEveryDefaultScaleEntryAndNoOther() throws IOException {
        String reference = Files.readString(Path.of("src/site/markdown/format.md"), StandardCharsets.UTF_8);
        String section = reference.substring(reference.indexOf("### The default scales"));
        section = section.substring(0, section.indexOf("\n## "));
        List<String> documented = section.lines().filter(l -> l.startsWith("| `")).toList();

        Scales defaults = DefaultScales.get();
        List<String> expected = new ArrayList<>();
        for (var kind : Map.of("statuses", defaults.statuses(), "rag", defaults.rag(), "terms", defaults.terms(),
                "grades", defaults.grades(), "priorities", defaults.priorities()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            for (ScaleEntry entry : kind.getValue().entries()) {
                expected.add(row(kind.getKey(), entry));
            }
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(defaults.grades()).isEqualTo(Scale.EMPTY);
        assertThat(defaults.priorities()).isEqualTo(Scale.EMPTY);
    }

    private static String row(String kind, ScaleEntry entry) {
        return "| `" + kind + "` | `" + entry.code() + "` | " + entry.label() + " | "
                + (entry.lifecycle() == null ? "" : "`" + entry.lifecycle().code() + "` ") + "| "
                + (entry.description() == null ? "" : entry.description().source() + " ") + "|";
    }
}
