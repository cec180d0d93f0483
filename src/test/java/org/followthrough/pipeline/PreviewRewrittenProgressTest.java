package org.followthrough.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.followthrough.problem.Problem;
import org.followthrough.support.Folders;
import org.followthrough.support.GitRepositories;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What serve's rebuilds say of an earlier progress update rewritten: told as check tells it, from the rebuild after the
 * file is saved, and still told after other files are saved, for as long as the file differs from the last commit.
 */
class PreviewRewrittenProgressTest {

    private static final String ORIGIN = "http://127.0.0.1:8000";
    private static final String WARNING = "the progress update of 2024-03-01 of action 1.1 differs from the last commit's";

    @TempDir
    Path temp;

    private static List<String> messages(Preview.Result result) {
        return result.problems().stream().map(Problem::message).toList();
    }

    @Test
    void aRewrittenUpdateIsToldFromItsSaveUntilItIsPutBack() throws IOException {
        Path content;
        try (GitRepositories repo = GitRepositories.init(temp.resolve("repo"))) {
            content = TestBuilds.copy(TestBuilds.fixture("small"), repo.root().resolve("content"));
            repo.commit("Add the sample plan", "2026-11-01T10:00:00Z");
        }
        Path recommendation = content.resolve("plans/sample-review/recommendations/01.yaml");
        Path site = content.resolve("site.yaml");
        Preview preview = new Preview(TestBuilds.request(content, null));
        assertThat(messages(preview.rebuild(ORIGIN))).doesNotContain(WARNING);

        Folders.replace(recommendation, "text: A template has been drafted.", "text: A template was agreed.");
        List<String> saved = messages(preview.rebuild(ORIGIN, Optional.of(Set.of(recommendation.toRealPath()))));
        Folders.replace(site, "description: A small site used by the tests.", "description: A small site the tests use.");
        List<String> another = messages(preview.rebuild(ORIGIN, Optional.of(Set.of(site.toRealPath()))));
        Folders.replace(recommendation, "text: A template was agreed.", "text: A template has been drafted.");
        List<String> putBack = messages(preview.rebuild(ORIGIN, Optional.of(Set.of(recommendation.toRealPath()))));

        assertThat(saved).contains(WARNING);
        assertThat(another).as("after another file is saved").contains(WARNING);
        assertThat(putBack).doesNotContain(WARNING);
    }
}
