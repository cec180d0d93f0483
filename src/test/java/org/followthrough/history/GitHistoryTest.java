package org.followthrough.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.followthrough.support.GitRepositories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change history read from real Git repositories made in the test. */
class GitHistoryTest {

    @TempDir
    Path temp;

    /** A repository whose content folder is content/, with two plans changed over four commits. */
    private GitRepositories repositoryWithFourCommits() {
        GitRepositories repo = GitRepositories.init(temp.resolve("repo"));
        repo.write("content/site.yaml", "title: t\n").write("content/plans/alpha/plan.yaml", "title: Alpha\n")
                .commit("Add the alpha plan", "2026-01-05T10:00:00Z");
        repo.write("content/plans/beta/plan.yaml", "title: Beta\n").write("content/plans/beta/recommendations/1.yaml", "x: 1\n")
                .commit("Add the beta plan\n\nFrom the published report.", "2026-02-10T23:30:00Z", "Bea Writer");
        repo.write("content/site.yaml", "title: changed\n").commit("Rename the site", "2026-03-01T09:00:00Z");
        repo.write("content/plans/alpha/recommendations/1.yaml", "progress: yes\n").commit("Alpha: progress for March", "2026-03-20T12:00:00Z");
        return repo;
    }

    @Test
    void listsTheCommitsThatChangedEachPlanNewestFirst() {
        try (GitRepositories repo = repositoryWithFourCommits()) {
            ChangeHistory history = GitHistory.read(repo.root().resolve("content"));

            assertThat(history.status()).isEqualTo(ChangeHistory.Status.RECORDED);
            assertThat(history.shortenedFrom()).isNull();
            assertThat(history.of("alpha").commits()).extracting(Commit::subject)
                    .containsExactly("Alpha: progress for March", "Add the alpha plan");
            assertThat(history.of("beta").commits()).extracting(Commit::subject).containsExactly("Add the beta plan");
            assertThat(history.of("beta").commits().get(0).time()).isEqualTo(Instant.parse("2026-02-10T23:30:00Z"));
            assertThat(history.of("beta").commits().get(0).author()).isEqualTo("Bea Writer");
            assertThat(history.of("alpha").uncommitted()).isFalse();
        }
    }

    /** A commit made after 2038 (Git keeps 64-bit times) is dated as it was made, not wrapped round to 1901. */
    @Test
    void aCommitAfter2038KeepsItsDate() {
        try (GitRepositories repo = GitRepositories.init(temp.resolve("repo"))) {
            repo.write("content/site.yaml", "title: t\n").write("content/plans/alpha/plan.yaml", "title: Alpha\n")
                    .commit("Add the alpha plan", "2100-01-01T00:00:00Z");

            assertThat(GitHistory.read(repo.root().resolve("content")).of("alpha").commits().get(0).time())
                    .isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
        }
    }

    @Test
    void aCommitOutsideEveryPlanFolderCountsForNoPlan() {
        try (GitRepositories repo = repositoryWithFourCommits()) {
            ChangeHistory history = GitHistory.read(repo.root().resolve("content"));

            assertThat(history.plans().values()).flatExtracting(PlanChanges::commits).extracting(Commit::subject)
                    .doesNotContain("Rename the site");
        }
    }

    @Test
    void readsTheSameHistoryFromTheSameCommit() {
        try (GitRepositories repo = repositoryWithFourCommits()) {
            assertThat(GitHistory.read(repo.root().resolve("content"))).isEqualTo(GitHistory.read(repo.root().resolve("content")));
        }
    }

    @Test
    void marksPlansWithChangesNotYetCommitted() {
        try (GitRepositories repo = repositoryWithFourCommits()) {
            repo.write("content/plans/beta/recommendations/1.yaml", "x: 2\n").write("content/plans/gamma/plan.yaml", "title: new\n");

            ChangeHistory history = GitHistory.read(repo.root().resolve("content"));

            assertThat(history.of("beta").uncommitted()).isTrue();
            assertThat(history.of("beta").commits()).hasSize(1);
            assertThat(history.of("gamma")).isEqualTo(new PlanChanges(java.util.List.of(), true));
            assertThat(history.of("alpha").uncommitted()).isFalse();
        }
    }

    @Test
    void aDeletedFileIsAChangeToItsPlan() {
        try (GitRepositories repo = repositoryWithFourCommits()) {
            repo.delete("content/plans/beta/recommendations/1.yaml").commit("Beta: withdraw recommendation 1", "2026-04-01T08:00:00Z");

            assertThat(GitHistory.read(repo.root().resolve("content")).of("beta").commits()).extracting(Commit::subject)
                    .containsExactly("Beta: withdraw recommendation 1", "Add the beta plan");
        }
    }

    @Test
    void readsAContentFolderAtTheRootOfTheRepository() {
        try (GitRepositories repo = GitRepositories.init(temp.resolve("flat"))) {
            repo.write("plans/alpha/plan.yaml", "a\n").commit("First", "2026-01-01T00:00:00Z");

            assertThat(GitHistory.read(repo.root()).of("alpha").commits()).extracting(Commit::subject).containsExactly("First");
        }
    }

    @Test
    void aShallowCloneSaysFromWhenItsHistoryIsKnown() {
        try (GitRepositories repo = repositoryWithFourCommits()) {
            Path clone = GitRepositories.shallowClone(repo.root(), temp.resolve("clone"));
            assertThat(clone.resolve(".git/shallow")).as("JGit made a shallow clone").exists();

            ChangeHistory history = GitHistory.read(clone.resolve("content"));

            assertThat(history.status()).isEqualTo(ChangeHistory.Status.RECORDED);
            assertThat(history.shortenedFrom()).isEqualTo(Instant.parse("2026-03-20T12:00:00Z"));
            // The one commit it holds may have changed anything: it is attributed to no plan.
            assertThat(history.of("alpha").commits()).isEmpty();
            assertThat(history.of("alpha").uncommitted()).isFalse();
        }
    }

    @Test
    void aCloneOfTwoCommitsKnowsWhatTheLaterOneChanged() throws Exception {
        try (GitRepositories repo = repositoryWithFourCommits()) {
            Path clone = temp.resolve("clone2");
            org.eclipse.jgit.api.Git.cloneRepository().setURI(repo.root().toUri().toString()).setDirectory(clone.toFile()).setDepth(2)
                    .call().close();

            ChangeHistory history = GitHistory.read(clone.resolve("content"));

            assertThat(history.shortenedFrom()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
            assertThat(history.of("alpha").commits()).extracting(Commit::subject).containsExactly("Alpha: progress for March");
            assertThat(history.of("beta").commits()).isEmpty();
        }
    }

    @Test
    void anUnbornBranchHasNoCommitsAndEveryPlanIsUncommitted() {
        try (GitRepositories repo = GitRepositories.init(temp.resolve("unborn"))) {
            repo.write("content/plans/alpha/plan.yaml", "a\n");

            ChangeHistory history = GitHistory.read(repo.root().resolve("content"));

            assertThat(history.status()).isEqualTo(ChangeHistory.Status.NO_COMMITS);
            assertThat(history.of("alpha").uncommitted()).isTrue();
        }
    }

    @Test
    void aFolderOutsideGitHasNoRepository() throws Exception {
        Path content = Files.createDirectories(temp.resolve("plain/content/plans/alpha"));

        assertThat(GitHistory.read(content.getParent().getParent()).status()).isEqualTo(ChangeHistory.Status.NO_REPOSITORY);
    }

    @Test
    void aDamagedRepositoryIsUnreadableNotAnError() throws Exception {
        try (GitRepositories repo = repositoryWithFourCommits()) {
            Files.writeString(repo.root().resolve(".git/HEAD"), "ref: refs/heads/main\n");
            Files.writeString(repo.root().resolve(".git/refs/heads/main"), "0123456789012345678901234567890123456789\n");

            assertThat(GitHistory.read(repo.root().resolve("content")).status()).isEqualTo(ChangeHistory.Status.UNREADABLE);
        }
    }

    @Test
    void aSubjectIsTheMessagesFirstLineWithoutControlCharacters() {
        assertThat(GitHistory.subject("\n  Fix\u0007 the date  \n\nBody")).isEqualTo("Fix  the date");
    }
}
