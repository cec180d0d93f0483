package org.followthrough.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds in a child process, as a user runs them: a machine with no fonts installed publishes every
 * PDF summary, and a site's own font folder that lacks a face is reported once.
 */
class FontsBuildTest {

    private static final Path SYSTEM_FONTS = Path.of("/usr/share/fonts");
    private static final String CONTENT = "src/test/resources/sites/small";

    /**
     * The child sees an empty folder over the system's fonts (a private mount namespace, {@code unshare -rm});
     * where the machine does not permit that, the test is skipped.
     */
    @Test
    void aBuildOnAMachineWithoutFontsPublishesEveryPdf(@TempDir Path temp) throws Exception {
        assumeTrue(Files.isDirectory(SYSTEM_FONTS), "no " + SYSTEM_FONTS + " to hide");
        assumeTrue(run(List.of("unshare", "-rm", "true"), temp.resolve("probe.log")) == 0,
                "this machine does not permit a private mount namespace (unshare -rm)");
        Path out = temp.resolve("site");
        Path log = temp.resolve("build.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "mount -t tmpfs empty " + SYSTEM_FONTS + " && test -z \"$(ls -A " + SYSTEM_FONTS + ")\""
                + " && exec \"$0\" -cp \"$1\" org.followthrough.cli.Main build --content " + CONTENT
                + " --templates \"$2\" --out \"$3\" --as-of 2026-11-23";

        int code = run(List.of("unshare", "-rm", "sh", "-c", script, java, System.getProperty("java.class.path"),
                temp.resolve("no-templates").toString(), out.toString()), log);

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(code).as(output).isZero();
        assertThat(output).contains("Published").doesNotContain(PdfFonts.ENVIRONMENT_VARIABLE).doesNotContain("\tat ");
        try (Stream<Path> files = Files.walk(out)) {
            List<String> pdfs = files.map(p -> out.relativize(p).toString()).filter(p -> p.endsWith(".pdf")).sorted().toList();
            assertThat(pdfs).containsExactly("data/summary.pdf", "organisations/sample-police/summary.pdf",
                    "organisations/sample-trust/summary.pdf", "plans/sample-review/summary.pdf");
        }
    }

    @Test
    void aFontFolderOfTheSiteLackingAFaceIsReportedOnceAndNothingIsPublished(@TempDir Path temp) throws Exception {
        Path fonts = Files.createDirectories(temp.resolve("fonts"));
        Path out = temp.resolve("site");
        Path log = temp.resolve("build.log");

        int code = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "org.followthrough.cli.Main", "build", "--content", CONTENT, "--templates", temp.resolve("no-templates").toString(),
                "--out", out.toString(), "--as-of", "2026-11-23"), log, fonts.toString());

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(code).as(output).isEqualTo(1);
        assertThat(output.lines().filter(l -> l.contains("does not hold"))).as(output).singleElement().asString()
                .startsWith(PdfFonts.ENVIRONMENT_VARIABLE + ": the folder " + fonts.toAbsolutePath() + " does not hold DejaVuSans.ttf, DejaVuSans-Bold.ttf");
        assertThat(output).doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    /**
     * Which characters the PDFs cannot draw depends on the site's fonts: a build with fonts that lack one warns of it, and
     * the next build with the fonts inside Followthrough, which have it, does not, though the plan comes from the cache.
     */
    @Test
    void warningsOfCharactersThePdfsCannotDrawFollowTheFontsInUseBuildAfterBuild(@TempDir Path temp) throws Exception {
        Path liberation = Path.of("/usr/share/fonts/truetype/liberation");
        assumeTrue(Files.isRegularFile(liberation.resolve("LiberationSans-Regular.ttf")), "no Liberation Sans on this machine");
        Path fonts = Files.createDirectories(temp.resolve("fonts"));
        Files.copy(liberation.resolve("LiberationSans-Regular.ttf"), fonts.resolve("DejaVuSans.ttf"));
        Files.copy(liberation.resolve("LiberationSans-Bold.ttf"), fonts.resolve("DejaVuSans-Bold.ttf"));
        Files.copy(liberation.resolve("LiberationSans-Italic.ttf"), fonts.resolve("DejaVuSans-Oblique.ttf"));
        Files.copy(liberation.resolve("LiberationSans-BoldItalic.ttf"), fonts.resolve("DejaVuSans-BoldOblique.ttf"));
        Path content = org.followthrough.support.TestBuilds.copy(Path.of(CONTENT), temp.resolve("content"));
        Path recommendation = content.resolve("plans/sample-review/recommendations/01.yaml");
        Files.writeString(recommendation, Files.readString(recommendation).replace("description: Minute every MDT meeting.",
                "description: Minute every MDT meeting \u2713."));
        List<String> build = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "org.followthrough.cli.Main", "build", "--no-pdf", "--content", content.toString(), "--templates", temp.resolve("no-templates").toString(),
                "--out", temp.resolve("site").toString(), "--cache", temp.resolve("cache").toString(), "--as-of", "2026-11-23");

        int withoutTheMark = run(build, temp.resolve("liberation.log"), fonts.toString());
        int withTheMark = run(build, temp.resolve("bundled.log"));

        String first = Files.readString(temp.resolve("liberation.log"), StandardCharsets.UTF_8);
        String second = Files.readString(temp.resolve("bundled.log"), StandardCharsets.UTF_8);
        assertThat(withoutTheMark).as(first).isZero();
        assertThat(first).contains("01.yaml:8:").contains("cannot draw '\u2713'");
        assertThat(withTheMark).as(second).isZero();
        assertThat(second).contains("Published").doesNotContain("cannot draw");
    }

    private static int run(List<String> command, Path log) throws IOException, InterruptedException {
        return run(command, log, null);
    }

    /** Runs a command with its output in {@code log}, and {@code fonts} (when not null) as the site's font folder. */
    private static int run(List<String> command, Path log, String fonts) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove(PdfFonts.ENVIRONMENT_VARIABLE);
        if (fonts != null) {
            builder.environment().put(PdfFonts.ENVIRONMENT_VARIABLE, fonts);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return -1; // no unshare on this machine
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
