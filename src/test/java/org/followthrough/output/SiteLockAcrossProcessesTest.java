package org.followthrough.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.followthrough.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds in two processes, publishing to one folder: while one changes the site, the other waits for it, and then
 * puts its own site in place whole. (Builds in one process are tested in {@link StagedDirectoryPublisherTest}.)
 */
class SiteLockAcrossProcessesTest {

    @TempDir
    Path temp;

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aBuildWaitsWhileABuildInAnotherProcessIsChangingTheSite() throws Exception {
        Path site = temp.resolve("site");
        publish(site, "first");
        Process other = changingTheSiteInAnotherProcess(site);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(site));
            publisher.write("index.html", "second");
            Future<?> commit = thread.submit(() -> {
                publisher.commit();
                publisher.close();
                return null;
            });

            // Not a measure of speed: a commit that did not wait would be done well within this (it has one file to move).
            assertThatThrownBy(() -> commit.get(700, TimeUnit.MILLISECONDS)).as("waits for the other process")
                    .isInstanceOf(TimeoutException.class);
            assertThat(site.resolve("index.html")).hasContent("first");

            other.getOutputStream().write('\n');
            other.getOutputStream().flush();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).as("the other process is done").isTrue();
            commit.get(30, TimeUnit.SECONDS);
            assertThat(site.resolve("index.html")).hasContent("second");
            assertThat(claim(site).publishedFiles()).containsExactly("index.html");
        } finally {
            other.destroyForcibly();
            thread.shutdownNow();
        }
    }

    /** Starts a process that holds the site as a build does while changing it, until told on its input to let go. */
    private static Process changingTheSiteInAnotherProcess(Path site) throws Exception {
        String classPath = Path.of(SiteLock.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + java.io.File.pathSeparator
                + Path.of(HoldingTheSite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                HoldingTheSite.class.getName(), site.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(said.readLine()).as("the other process holds the site").isEqualTo("holding");
        return process;
    }

    /** The other process: holds the site's lock until a line comes on its input. */
    static final class HoldingTheSite {
        public static void main(String[] args) throws IOException {
            try (SiteLock lock = SiteLock.take(Path.of(args[0]))) {
                System.out.println("holding");
                System.out.flush();
                System.in.read();
            }
        }
    }

    private OutputFolder claim(Path out) {
        Problems problems = new Problems();
        return OutputFolder.claim(out, temp.resolve("content"), null, problems).orElseThrow(() -> new AssertionError(problems.sorted()));
    }

    private void publish(Path out, String text) throws IOException {
        try (StagedDirectoryPublisher publisher = new StagedDirectoryPublisher(claim(out))) {
            publisher.write("index.html", text);
            publisher.commit();
        }
    }
}
