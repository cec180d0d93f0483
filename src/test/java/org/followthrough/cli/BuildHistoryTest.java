package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.followthrough.support.GitRepositories;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build} in a Git repository: the change history without a word from JGit, and {@code --no-history}. */
class BuildHistoryTest {

    @TempDir
    Path temp;

    private CommandRun build(Path repo, String... more) {
        String[] args = {"build", "--content", repo.resolve("content").toString(), "--out", temp.resolve("site").toString(), "--no-pdf",
                "--no-cache", "--as-of", "2026-11-23"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CommandRun.of(TestBuilds.CLOCK, all);
    }

    private GitRepositories committedSite() throws Exception {
        GitRepositories repo = GitRepositories.init(temp.resolve("repo"));
        TestBuilds.copy(TestBuilds.fixture("small"), repo.root().resolve("content"));
        repo.commit("Publish the sample review's plan", "2026-01-05T10:00:00Z");
        return repo;
    }

    @Test
    void buildsTheHistoryAndPrintsNothingButItsSummary() throws Exception {
        try (GitRepositories repo = committedSite()) {
            CommandRun run = build(repo.root());

            assertThat(run.code()).as(run.all()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(temp.resolve("site/plans/sample-review/index.html")).content().contains("<dt>Last changed on this site</dt>");
            assertThat(temp.resolve("site/plans/sample-review/history/index.html")).content().contains("Publish the sample review");
        }
    }

    @Test
    void noHistoryLeavesTheHistoryOut() throws Exception {
        try (GitRepositories repo = committedSite()) {
            CommandRun run = build(repo.root(), "--no-history");

            assertThat(run.code()).as(run.all()).isZero();
            assertThat(temp.resolve("site/plans/sample-review/index.html")).content().doesNotContain("Last changed");
            assertThat(Files.exists(temp.resolve("site/plans/sample-review/history"))).isFalse();
        }
    }
}
