package org.followthrough.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing: valid content, mutated in its bytes, its YAML, its Markdown, its dates and its ids (see
 * {@link Mutations}), is checked and built through the command line, and every case must meet
 * {@link CaseRun}'s demands: no stack trace, a documented exit code, {@code check} and {@code build}
 * agreeing, the previous site untouched when the build fails, and no script nor anything from
 * outside the content folder in what it publishes.
 *
 * <p>Each case starts from the small test site ({@code src/test/resources/sites/small}) and is a
 * real check and a real build on real files. A build that fails stops after checking, which is
 * quick; only cases whose content is valid are rendered, most without their PDFs.
 *
 * <p>The suite draws {@value #TRIES} cases from a fixed seed, so that it passes or fails the same
 * way every time and stays quick (a case takes about half a second on a busy two-core machine; the
 * valid ones, which are built, take longest). To look for new bugs, draw many more cases, from other
 * seeds:
 * <pre>mvn -o -q test -Dtest=ContentFuzzTest -Dfollowthrough.fuzz.tries=1000 -Dfollowthrough.fuzz.seed=7</pre>
 * Every case is run even after one fails, and every failed case is listed, so one long run finds
 * all it can; {@code -Dfollowthrough.fuzz.case=K} then runs case K of that seed alone.
 *
 * <p><b>When a case fails</b>, its content is kept in a folder under {@code target/fuzz-failures/},
 * and the test fails listing every failed case. The first is shrunk: mutations are taken away, and
 * the PDFs left out, for as long as it still fails (each try is a build, so shrinking stops after
 * {@value #SHRINK_TRIES} of them), and the failure shows it as its list of mutations, its seed and
 * number. Fix the product code for the shrunk case, then keep it as a regression fixture, named
 * for what it broke:
 * <ul>
 * <li>content that {@code check} should refuse with a message: in
 * {@code src/test/resources/invalid/<rule>/} with its {@code expected-problems.txt} (see
 * {@code InvalidContentTest});</li>
 * <li>anything else — content that crashed a command, that {@code check} passed and {@code build}
 * failed on, or whose site carried script: in {@code src/test/resources/hostile/<name>/}, the content
 * folder itself (the commit that adds it says which mutations made it and what they broke), which
 * {@code CheckAgreesWithBuildTest} checks and builds, and {@link FuzzFixturesTest} holds to the
 * same demands as this test.</li>
 * </ul>
 */
class ContentFuzzTest {

    static final int TRIES = 20;
    static final int SHRINK_TRIES = 40;
    private static final long SEED = 20261123L;

    @Test
    void mutatedContentIsCheckedAndBuiltSafely() {
        long seed = Long.getLong("followthrough.fuzz.seed", SEED);
        Integer only = Integer.getInteger("followthrough.fuzz.case");
        int tries = Integer.getInteger("followthrough.fuzz.tries", TRIES);
        int accepted = 0;
        List<String> failed = new ArrayList<>();
        FuzzCase firstFailed = null;
        AssertionError firstFailure = null;
        int firstNumber = -1;
        for (int number = only != null ? only : 0; number < (only != null ? only + 1 : tries); number++) {
            FuzzCase fuzzCase = Mutations.fuzzCase(seed, number);
            try {
                accepted += fuzzCase.verify() ? 1 : 0;
            } catch (AssertionError failure) {
                // every case is run, so that one run of many tries finds every bug it can, not only the first
                failed.add("case " + number + ": " + failure.getMessage().lines().findFirst().orElse(""));
                if (firstFailure == null) {
                    firstFailed = fuzzCase;
                    firstFailure = failure;
                    firstNumber = number;
                }
            }
        }
        if (firstFailure != null) {
            throw shrunk(firstFailed, firstFailure, String.join("\n", failed), "case " + firstNumber + " of seed " + seed);
        }
        if (only == null) {
            // A fuzz test whose cases all fail the check never reaches the renderers; one whose cases all pass never tries the checks.
            assertThat(accepted).as("cases the check accepted, out of %d", tries).isBetween(tries / 10, tries - tries / 10);
        }
    }

    private static Optional<AssertionError> failure(FuzzCase fuzzCase) {
        try {
            fuzzCase.verify();
            return Optional.empty();
        } catch (AssertionError e) {
            return Optional.of(e);
        }
    }

    /**
     * The smallest case found that still fails, as an error that tells it: each mutation is taken away
     * in turn, then the PDFs, keeping each change after which the case still fails.
     */
    private static AssertionError shrunk(FuzzCase original, AssertionError originalFailure, String allFailed, String which) {
        FuzzCase smallest = original;
        AssertionError failure = originalFailure;
        int tries = 0;
        boolean smaller = true;
        while (smaller && tries < SHRINK_TRIES) {
            smaller = false;
            List<FuzzCase> candidates = new ArrayList<>();
            for (int i = 0; i < smallest.mutations().size() && smallest.mutations().size() > 1; i++) {
                List<Mutation> fewer = new ArrayList<>(smallest.mutations());
                fewer.remove(i);
                candidates.add(new FuzzCase(List.copyOf(fewer), smallest.pdfs()));
            }
            if (smallest.pdfs()) {
                candidates.add(new FuzzCase(smallest.mutations(), false));
            }
            for (FuzzCase candidate : candidates) {
                if (tries++ >= SHRINK_TRIES) {
                    break;
                }
                Optional<AssertionError> still = failure(candidate);
                if (still.isPresent()) {
                    smallest = candidate;
                    failure = still.get();
                    smaller = true;
                    break;
                }
            }
        }
        AssertionError error = new AssertionError("failed cases, each kept under " + CaseRun.FAILURES + ":\n" + allFailed + "\n\n"
                + which + " shrunk to " + smallest + "\n\n" + failure.getMessage()
                + (smallest.equals(original) ? "" : "\n\n(before shrinking: " + original + ")"));
        error.addSuppressed(originalFailure);
        return error;
    }
}
