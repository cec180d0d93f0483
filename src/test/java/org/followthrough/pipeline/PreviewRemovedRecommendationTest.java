package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.followthrough.problem.Problem;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What serve's rebuilds say of a recommendation's file deleted while the editor works: told as the build that publishes the
 * change will tell it, while it can still be put back, and no longer once it is.
 */
class PreviewRemovedRecommendationTest {

    private static final String ORIGIN = "http://127.0.0.1:8000";

    @TempDir
    Path temp;

    private static List<String> messages(Preview.Result result) {
        return result.problems().stream().map(Problem::message).toList();
    }

    @Test
    void aRecommendationDeletedDuringThePreviewIsToldUntilItIsPutBack() throws IOException {
        Path content = TestBuilds.copy(TestBuilds.fixture("small"), temp.resolve("content"));
        Path second = content.resolve("plans/sample-review/recommendations/02.yaml");
        String text = "number: \"2\"\ntitle: Supervision\nactions:\n  - ref: \"2.1\"\n    description: Supervise every month.\n"
                + "    owners:\n      - {organisation: sample-trust}\n    target: 2024-09-30\n";
        Files.writeString(second, text);
        Preview preview = new Preview(TestBuilds.request(content, null));
        assertThat(messages(preview.rebuild(ORIGIN))).noneMatch(m -> m.startsWith("recommendation 2"));

        Files.delete(second);
        List<String> deleted = messages(preview.rebuild(ORIGIN, Optional.of(Set.of(second.toAbsolutePath()))));
        Files.writeString(second, text);
        List<String> putBack = messages(preview.rebuild(ORIGIN, Optional.of(Set.of(second.toRealPath()))));

        assertThat(deleted).contains("recommendation 2 of plan 'sample-review' was in the content when the preview started and is no"
                + " longer in the content: a build removes its page, links to plans/sample-review/recommendations/2/ will find nothing");
        assertThat(putBack).noneMatch(m -> m.startsWith("recommendation 2"));
    }
}
