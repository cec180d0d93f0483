package org.followthrough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessMeterTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "GNU time wanted: {0}")
    @ValueSource(booleans = {true, false})
    void reportsAFailedCommandsExitCodeItsErrorOutputAndWhatItCost(boolean gnuTime) throws Exception {
        ProcessMeter meter = ProcessMeter.create(gnuTime, folder.resolve("logs"));

        ProcessMeter.Run run = meter.run(List.of("sh", "-c", "echo made; echo broken >&2; exit 3"), folder);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.output()).isEqualTo("made\n");
        assertThat(Files.readString(run.stderr())).isEqualTo("broken\n");
        assertThat(run.usage().wallSeconds()).isNotNegative();
        assertThat(run.usage().cpuSeconds()).isNotNegative();
    }
}
