package org.followthrough.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editors' reference documents every field the tool accepts, and the limits the checker enforces. */
class FormatReferenceTest {

    @Test
    void everyFieldOfEveryShapeIsDocumented() throws IOException {
        String reference = Files.readString(Path.of("src/site/markdown/format.md"), StandardCharsets.UTF_8);
        List<String> undocumented = new ArrayList<>();
        for (Shape shape : List.of(ContentFormat.SITE, ContentFormat.ORGANISATION, ContentFormat.PLAN, ContentFormat.PLAN_UPDATE,
                ContentFormat.SOURCE, ContentFormat.ADDRESSED, ContentFormat.SCALES, ContentFormat.SCALE_ENTRY,
                ContentFormat.STATUS_ENTRY, ContentFormat.RECOMMENDATION, ContentFormat.ACTION, ContentFormat.OWNER,
                ContentFormat.EVIDENCE, ContentFormat.FOLLOW_UP, ContentFormat.PROGRESS, ContentFormat.TARGET, ContentFormat.THEME)) {
            for (Field field : shape.fields()) {
                if (!reference.contains("`" + field.name() + "`")) {
                    undocumented.add(shape.name() + "." + field.name());
                }
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void theReferenceStatesTheLimitsTheCheckerEnforces() throws IOException {
        String reference = Files.readString(Path.of("src/site/markdown/format.md"), StandardCharsets.UTF_8);
        assertThat(reference).contains(
                "at most " + Limits.fileSize(),
                String.format(java.util.Locale.ROOT, "at most %,d characters", Limits.MAX_TEXT_LENGTH),
                String.format(java.util.Locale.ROOT, "at most %,d, over all its recommendations", Limits.MAX_ACTIONS_PER_PLAN),
                "years " + Limits.EARLIEST_YEAR + " to " + Limits.LATEST_YEAR,
                "at most " + Limits.MAX_MARKDOWN_NESTING + " levels");
    }
}
