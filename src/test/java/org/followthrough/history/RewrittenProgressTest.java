package org.followthrough.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.followthrough.problem.Problem;
import org.followthrough.problem.Problems;
import org.followthrough.support.GitRepositories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor adds progress updates and leaves the earlier ones as they were: a dated update the last commit holds, changed
 * or removed in the content folder, is told before the change is committed, at its place.
 */
class RewrittenProgressTest {

    private static final String FILE = "content/plans/alpha/recommendations/01.yaml";
    private static final String COMMITTED = """
            number: "1"
            actions:
              - ref: "1.1"
                progress:
                  - date: 2026-03-01
                    status: open
                    text: A template has been drafted.
                  - date: 2026-06-01
                    status: done
                    text: Every meeting is now minuted.
            """;

    @TempDir
    Path temp;
    private int repositories;

    private List<Problem> warningsAfter(String now) {
        try (GitRepositories repo = GitRepositories.init(temp.resolve("repo-" + ++repositories))) {
            repo.write(FILE, COMMITTED).commit("Add alpha", "2026-06-02T10:00:00Z");
            repo.write(FILE, now);
            Problems problems = new Problems();
            RewrittenProgress.warn(repo.root().resolve("content"), "content", problems);
            return problems.sorted();
        }
    }

    @Test
    void aChangedUpdateIsToldAtItsPlace() {
        List<Problem> warnings = warningsAfter(COMMITTED.replace("A template has been drafted.", "A template was agreed."));

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.isError()).isFalse();
            assertThat(w.location().toString()).isEqualTo("content/plans/alpha/recommendations/01.yaml:5:9");
            assertThat(w.message()).isEqualTo("the progress update of 2026-03-01 of action 1.1 differs from the last commit's");
            assertThat(w.hint()).contains("add a new update");
        });
    }

    @Test
    void aRemovedUpdateIsToldAtItsAction() {
        List<Problem> warnings = warningsAfter(COMMITTED.replace("""
                      - date: 2026-06-01
                        status: done
                        text: Every meeting is now minuted.
                """, ""));

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.location().toString()).isEqualTo("content/plans/alpha/recommendations/01.yaml:3:5");
            assertThat(w.message()).isEqualTo("the progress update of 2026-06-01 of action 1.1 that the last commit holds is no longer in this file");
        });
    }

    @Test
    void aNewUpdateOrTheSameOnesWrittenAnotherWayAreNotTold() {
        String added = COMMITTED + """
                      - date: 2026-09-01
                        status: done
                        text: Audited in August.
                """;
        String relaidOut = COMMITTED.replace("text: A template has been drafted.", "text: 'A template has been drafted.'")
                .replace("status: open\n", "status:   open\n");

        assertThat(warningsAfter(added)).isEmpty();
        assertThat(warningsAfter(relaidOut)).isEmpty();
    }

    @Test
    void contentOutsideAnyRepositoryIsNotCompared() {
        Problems problems = new Problems();

        RewrittenProgress.warn(temp.resolve("content"), "content", problems);

        assertThat(problems.sorted()).isEmpty();
    }
}
