package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that runs out of memory says so in one line, with what to do, and exits 3: never a stack trace. */
class OutOfMemoryTest {

    @Test
    void aBuildWithTooLittleMemorySaysSoInOneLineAndExitsThree(@TempDir Path temp) throws Exception {
        Path out = temp.resolve("site");
        Path log = temp.resolve("build.log");
        // 12 MB is enough to start and load the content, not to build the site (which needs about 20 MB); without the
        // cache, so that what earlier builds left cannot make the work smaller.
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx12m",
                "-cp", System.getProperty("java.class.path"), "org.followthrough.cli.Main", "build", "--content", "content",
                "--templates", temp.resolve("no-templates").toString(), "--out", out.toString(), "--as-of", "2026-11-23", "--no-cache"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the build ends").isTrue();

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(3);
        assertThat(output.lines().filter(l -> l.startsWith("followthrough:"))).as(output).singleElement().asString()
                .matches("followthrough: ran out of memory \\(Java may use 1\\d MB\\); nothing was published\\. "
                        + "Give Java more memory, e\\.g\\. java -Xmx4g -jar followthrough\\.jar build --content content .*");
        assertThat(output).doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
        assertThat(out).doesNotExist();
    }

    /** A build that ran out of 6 GB is not advised to try 4 GB. */
    @Test
    void theMemorySuggestedIsMoreThanTheBuildHad() {
        assertThat(Main.moreMemory(12)).isEqualTo(4);
        assertThat(Main.moreMemory(2048)).isEqualTo(4);
        assertThat(Main.moreMemory(6028)).isEqualTo(12);
    }

    @Test
    void memoryRunningOutWhileAClassIsSetUpIsToldTheSameWay() {
        // Time-zone rules are read when first used: with the heap nearly full, that is where it can run out.
        assertThat(Main.ranOutOfMemory(new ExceptionInInitializerError(new OutOfMemoryError("Java heap space")))).isTrue();
        assertThat(Main.ranOutOfMemory(new OutOfMemoryError("Java heap space"))).isTrue();
        assertThat(Main.ranOutOfMemory(new StackOverflowError())).isFalse();
        assertThat(Main.ranOutOfMemory(new ExceptionInInitializerError(new IllegalStateException()))).isFalse();
    }
}
