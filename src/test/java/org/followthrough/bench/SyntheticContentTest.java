package org.followthrough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Archive;
import org.followthrough.model.Plan;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticContentTest {

    @TempDir
    Path folder;

    @Test
    void writesAnArchiveThatChecksCleanAndHoldsWhatItCounts() throws Exception {
        SyntheticContent.Written written = SyntheticContent.archive(folder, 12);

        BuildResult check = Pipeline.check(TestBuilds.request(folder, null));

        assertThat(check.problems()).isEmpty();
        Archive archive = check.archive();
        assertThat(archive.plans()).hasSize(12);
        assertThat(written.plans()).isEqualTo(12);
        assertThat(archive.plans().stream().mapToLong(plan -> plan.actions().count()).sum()).isEqualTo(written.actions());
        assertThat(archive.plans().stream().flatMap(Plan::actions).mapToLong(action -> action.progress().size()).sum())
                .isEqualTo(written.updates());
        // shaped like published plans: 8 to 22 recommendations of 1 to 3 actions
        assertThat(written.actions()).isBetween(12 * 8, 12 * 22 * 3);
        assertThat(archive.plans()).allSatisfy(plan -> assertThat(plan.recommendations()).hasSizeBetween(8, 22));
    }

    @Test
    void writesOnePlanOfAsManyActionsAsAsked() throws Exception {
        SyntheticContent.Written written = SyntheticContent.onePlan(folder, 1234);

        BuildResult check = Pipeline.check(TestBuilds.request(folder, null));

        assertThat(check.problems()).isEmpty();
        assertThat(check.archive().plans()).singleElement().satisfies(plan -> assertThat(plan.actions()).hasSize(1234));
        assertThat(written.actions()).isEqualTo(1234);
    }

    @Test
    void writesTheSameBytesForTheSameArguments(@TempDir Path again) throws Exception {
        SyntheticContent.archive(folder, 3);
        SyntheticContent.archive(again, 3);

        assertThat(contents(again)).isEqualTo(contents(folder));
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
