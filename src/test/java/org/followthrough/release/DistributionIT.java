package org.followthrough.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive that {@code package} makes, used as an editor would: unpacked into an empty
 * folder and run through its launcher with nothing but a Java runtime, following "Your first plan"
 * in the editors' guide (serve included); then the commands of the CI files {@code init} wrote, run as the CI would.
 * Runs in {@code verify}, after {@code package} (failsafe), because it needs the archive.
 */
class DistributionIT {

    private static final String VERSION = System.getProperty("followthrough.version");
    private static final Pattern SERVING = Pattern.compile("Serving the site at (http://\\S+)");
    private static final Path ARCHIVE = Path.of(System.getProperty("followthrough.distribution", "target/missing.tar.gz"));

    @TempDir
    static Path unpacked;

    static Path launcher;

    @TempDir
    Path work;

    /** What a process printed, and how it ended. */
    private record Ran(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(ARCHIVE).as("run mvn package first").isRegularFile();
        Ran tar = run(unpacked, Map.of(), "tar", "-xzf", ARCHIVE.toAbsolutePath().toString());
        assertThat(tar.code()).as(tar.err()).isZero();
        launcher = unpacked.resolve("followthrough-" + VERSION + "/bin/followthrough");
    }

    @Test
    void holdsTheJarLaunchersAndEveryLibrarysLicence() throws IOException {
        Path home = launcher.getParent().getParent();
        assertThat(home.resolve("lib/followthrough.jar")).isRegularFile();
        assertThat(launcher).isExecutable();
        assertThat(home.resolve("bin/followthrough.cmd")).content(StandardCharsets.UTF_8).contains("lib\\followthrough.jar").contains("\r\n");
        assertThat(home.resolve("README.md")).content(StandardCharsets.UTF_8).contains("Java runtime, version 17");
        // the editors' guide, which the README and a new repository's README point to, without the developers' design notes
        assertThat(home.resolve("guide/first-plan.md")).content(StandardCharsets.UTF_8).contains("followthrough init");
        assertThat(home.resolve("guide/commands.md")).isRegularFile();
        assertThat(home.resolve("guide/design.md")).doesNotExist();
        // each page's links to the others name the files as they are here (the guide's site makes them .html itself)
        List<String> deadLinks = new ArrayList<>();
        try (java.util.stream.Stream<Path> pages = Files.list(home.resolve("guide"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                java.util.regex.Matcher link = Pattern.compile("\\]\\(([^):#]+)(#[^)]*)?\\)")
                        .matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (link.find()) {
                    if (!Files.isRegularFile(page.resolveSibling(link.group(1)))) {
                        deadLinks.add(page.getFileName() + " -> " + link.group(1));
                    }
                }
            }
        }
        assertThat(deadLinks).as("links between the guide's pages").isEmpty();
        List<String> libraries = new ArrayList<>();
        try (ZipFile jar = new ZipFile(home.resolve("lib/followthrough.jar").toFile())) {
            jar.stream().map(e -> e.getName()).filter(n -> n.matches("META-INF/maven/[^/]+/[^/]+/pom\\.properties"))
                    .map(n -> n.split("/")[3]).filter(a -> !a.equals("followthrough")).forEach(libraries::add);
        }
        assertThat(libraries).isNotEmpty();
        for (String library : libraries) {
            try (var files = Files.list(home.resolve("licences").resolve(library))) {
                assertThat(files.map(p -> p.getFileName().toString())).as(library).anyMatch(n -> n.contains("LICENSE"));
            }
        }
        Path zip = Path.of(ARCHIVE.toString().replaceFirst("\\.tar\\.gz$", ".zip"));
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertThat(archive.getEntry("followthrough-" + VERSION + "/lib/followthrough.jar")).isNotNull();
            assertThat(archive.getEntry("followthrough-" + VERSION + "/bin/followthrough.cmd")).isNotNull();
        }
    }

    @Test
    void printsItsVersion() throws Exception {
        Ran version = followthrough(work, "--version");

        assertThat(version.out()).isEqualTo("followthrough " + VERSION + "\n");
    }

    /** "Your first plan" in the editors' guide (src/site/markdown/first-plan.md), step by step. */
    @Test
    void yourFirstPlanFromAnEmptyFolderToAPublishedSite() throws Exception {
        Ran init = followthrough(work, "init", "trust-plans", "--name", "Sample NHS Foundation Trust", "--type", "nhs_trust",
                "--base-url", "https://www.sample.example.nhs.uk/action-plans/");
        assertThat(init.code()).as(init.err()).isZero();
        Path repo = work.resolve("trust-plans");

        Ran made = followthrough(repo, "new", "plan", "sample-review");
        assertThat(made.code()).as(made.err()).isZero();
        Ran unfilled = followthrough(repo, "check");
        assertThat(unfilled.code()).isEqualTo(1);
        assertThat(unfilled.err()).contains("content/plans/sample-review/plan.yaml:2:8: this is still a placeholder");

        fillIn(repo.resolve("content/plans/sample-review/plan.yaml"), Map.of(
                "title", "Safety action plan following the independent investigation",
                "kind", "independent_investigation",
                "published", "2026-05-01",
                "summary", "The trust's response to the independent investigation into the care of Mr A."));
        fillIn(repo.resolve("content/plans/sample-review/recommendations/01.yaml"), Map.of(
                "title", "Recording decisions",
                "text", "Teams must record who attended each meeting and what was decided.",
                "description", "Minute every multidisciplinary team meeting.",
                "role", "Team Manager",
                "target", "2026-12-31"));
        // the investigator, named as the guide names it
        Files.writeString(repo.resolve("content/organisations/niche.yaml"), """
                # yaml-language-server: $schema=../schema/organisation.schema.json
                name: Niche Health and Social Care Consulting
                type: investigator
                """, StandardCharsets.UTF_8);
        Path plan = repo.resolve("content/plans/sample-review/plan.yaml");
        Files.writeString(plan, Files.readString(plan).replace("organisations: [sample-nhs-foundation-trust]",
                "organisations: [sample-nhs-foundation-trust, niche]"));
        deleteTree(repo.resolve("content/plans/example-plan"));

        Ran check = followthrough(repo, "check");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("1 plan, 2 organisations, 1 action; no problems");
        assertThat(check.err()).isEmpty();

        Ran build = followthrough(repo, "build");
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.err()).as("no library log on the terminal").isEmpty();
        assertThat(repo.resolve("site/plans/sample-review/index.html")).content(StandardCharsets.UTF_8)
                .contains("Safety action plan following the independent investigation")
                .contains("https://www.sample.example.nhs.uk/action-plans/plans/sample-review/");
        assertThat(repo.resolve("site/plans/example-plan")).doesNotExist();

        Served served = serve(repo, "plans/sample-review/");
        assertThat(served.address()).matches("http://127\\.0\\.0\\.1:\\d+/action-plans/");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.page()).contains("Safety action plan following the independent investigation");
        assertThat(served.err()).as("no library log on the terminal").isEmpty();

        Ran update = followthrough(repo, "new", "update", "sample-review", "1.1");
        assertThat(update.code()).as(update.err()).isZero();
        assertThat(followthrough(repo, "check").err()).contains("this is still a placeholder");
    }

    @Test
    void theGithubWorkflowsCommandsCheckAndBuildAnInitialisedRepository() throws Exception {
        Path repo = initialised();
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(repo.resolve(".github/workflows/followthrough.yml").toFile());

        for (String command : followthroughCommands(workflow.at("/jobs/check/steps"))) {
            Ran ran = shell(repo, command, Map.of());
            assertThat(ran.code()).as(command + "\n" + ran.err()).isZero();
            assertThat(ran.out()).as(command).isEmpty();
        }
        for (String command : followthroughCommands(workflow.at("/jobs/publish/steps"))) {
            String local = command.replace("${{ steps.pages.outputs.base_url }}", "https://sample-trust.github.io/plans");
            Ran ran = shell(repo, local, Map.of());
            assertThat(ran.code()).as(local + "\n" + ran.err()).isZero();
        }
        String uploaded = workflow.at("/jobs/publish/steps").findValuesAsText("path").stream().filter(p -> !p.contains("cache")).findFirst().orElseThrow();
        assertThat(repo.resolve(uploaded).resolve("index.html")).content(StandardCharsets.UTF_8).contains("https://sample-trust.github.io/plans/");
    }

    @Test
    void theGitlabPipelinesCommandsCheckAndBuildAnInitialisedRepository() throws Exception {
        Path repo = initialised();
        JsonNode pipeline = new ObjectMapper(new YAMLFactory()).readTree(repo.resolve(".gitlab-ci.yml").toFile());
        Map<String, String> gitlab = Map.of("CI_PAGES_URL", "https://sample-trust.gitlab.io/plans");

        for (String job : List.of("check", "pages")) {
            for (String command : followthroughCommands(pipeline.at("/" + job + "/script"))) {
                Ran ran = shell(repo, command, gitlab);
                assertThat(ran.code()).as(command + "\n" + ran.err()).isZero();
            }
        }
        String published = pipeline.at("/pages/artifacts/paths/0").asText();
        assertThat(repo.resolve(published).resolve("index.html")).content(StandardCharsets.UTF_8).contains("https://sample-trust.gitlab.io/plans/");
    }

    @Test
    void checkWithGithubAnnotationsPointsAtTheLineInTheRepository() throws Exception {
        Path repo = initialised();
        Path plan = repo.resolve("content/plans/example-plan/plan.yaml");
        Files.writeString(plan, Files.readString(plan).replace("kind: independent_investigation", "kind: independent_investigaton"));

        Ran ran = followthrough(repo, "check", "--format", "github");

        assertThat(ran.code()).isEqualTo(1);
        assertThat(ran.out()).startsWith("::error file=content/plans/example-plan/plan.yaml,line=7,col=7,title=Followthrough::")
                .contains("did you mean 'independent_investigation'?");
    }

    /**
     * Where the environment sets no UTF-8 locale (LANG unset, as in many CI containers), Java reads file names as ASCII on
     * Linux, and a Markdown file named with an accent cannot be found by its name: the editor is told why and what to set.
     */
    @Test
    void aFileNamedWithAnAccentWhereNoUtf8LocaleIsSetIsToldWhy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/', "file names are decoded by a locale on Unix only");
        Path repo = initialised();
        Path plan = repo.resolve("content/plans/example-plan");
        Files.writeString(plan.resolve("r\u00e9sum\u00e9.md"), "The plan's summary.\n", StandardCharsets.UTF_8);
        String yaml = Files.readString(plan.resolve("plan.yaml"), StandardCharsets.UTF_8);
        Files.writeString(plan.resolve("plan.yaml"), yaml.replaceFirst("(?s)summary: \\|\n(  [^\n]*\n|\n)+", "summary: {file: r\u00e9sum\u00e9.md}\n"),
                StandardCharsets.UTF_8);

        Ran posix = followthrough(repo, Map.of("LC_ALL", "POSIX"), "check");
        Ran asTheTestsRun = followthrough(repo, Map.of(), "check");

        assertThat(posix.code()).as(posix.all()).isEqualTo(1);
        assertThat(posix.err()).contains("Markdown file 'r\u00e9sum\u00e9.md' does not exist")
                .contains("as the environment sets no UTF-8 locale").contains("run with LANG=C.UTF-8");
        if ("UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            assertThat(asTheTestsRun.code()).as("with the UTF-8 locale the tests run in: " + asTheTestsRun.all()).isZero();
        }
    }

    /** The launcher keeps the classes the first build loaded in an archive that Java maps in later runs (see bin/followthrough). */
    @Test
    void theFirstBuildKeepsTheClassesItLoadedForTheRunsAfterIt() throws Exception {
        // An archive of the tool's classes is laid on the Java runtime's own archive of the JDK's; without one there is none.
        Ran java = run(work, Map.of(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.err().contains("sharing"), "this Java runtime shares no classes: " + java.err());
        Path repo = initialised();
        Path classes = work.resolve("class cache");
        Map<String, String> env = Map.of("FOLLOWTHROUGH_CLASS_CACHE", classes.toString());

        assertThat(followthrough(repo, env, "build", "--help").code()).isZero();
        Ran unshared = followthrough(repo, Map.of("FOLLOWTHROUGH_CLASS_CACHE", classes.toString(), "FOLLOWTHROUGH_OPTS", "-Xshare:off"), "build");
        assertThat(unshared.code()).as("a Java runtime that shares no classes builds as before").isZero();
        try (var kept = Files.list(classes)) {
            assertThat(kept.map(p -> p.getFileName().toString())).as("no archive recorded from help, or without sharing")
                    .noneMatch(name -> name.startsWith("classes-"));
        }

        Ran first = followthrough(repo, env, "build");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).as("nothing from Java about the archive").isEmpty();
        assertThat(first.out()).doesNotContain("cds");
        try (var kept = Files.list(classes)) {
            assertThat(kept.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("classes-"))).singleElement().asString()
                    .matches("classes-\\d+-\\d+-\\d+\\.jsa");
        }

        // -Xshare:on makes Java refuse to start if it cannot map the archive it is given
        String loaded = "classes-loaded.txt";
        Ran second = followthrough(repo, Map.of("FOLLOWTHROUGH_CLASS_CACHE", classes.toString(),
                "FOLLOWTHROUGH_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + loaded), "build", "--no-cache");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(repo.resolve(loaded)).content(StandardCharsets.UTF_8)
                .containsPattern("org\\.followthrough\\.cli\\.Main source: shared objects file \\(top\\)");

        Ran off = followthrough(work, Map.of("FOLLOWTHROUGH_CLASS_CACHE", "off", "XDG_CACHE_HOME", work.resolve("user").toString()),
                "--version");
        assertThat(off.code()).isZero();
        assertThat(work.resolve("user")).doesNotExist();
    }

    /**
     * Asking Java its version starts a Java runtime of its own; the launcher asks once for each runtime and keeps the
     * answer beside its class archive, and asks again when the runtime's files change (an update) or where it keeps nothing.
     */
    @Test
    void javaIsAskedItsVersionOncePerRuntimeNotOnEveryRun() throws Exception {
        Path asked = work.resolve("asked.txt");
        Path runtime = work.resolve("a java runtime");
        Path javaCommand = runtime.resolve("bin/java");
        Files.createDirectories(javaCommand.getParent());
        String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a Java runtime that notes each time it is asked its version, and is the test's own Java otherwise
        Files.writeString(javaCommand, "#!/bin/sh\ncase \" $* \" in *\" -version \"*) echo asked >> '" + asked + "' ;; esac\nexec '" + real
                + "' \"$@\"\n", StandardCharsets.UTF_8);
        assertThat(javaCommand.toFile().setExecutable(true)).isTrue();
        Map<String, String> env = Map.of("JAVA_HOME", runtime.toString(), "FOLLOWTHROUGH_CLASS_CACHE", work.resolve("classes").toString());

        for (int run = 0; run < 3; run++) {
            Ran version = followthrough(work, env, "--version");
            assertThat(version.code()).as(version.err()).isZero();
            assertThat(version.out()).isEqualTo("followthrough " + VERSION + "\n");
        }
        assertThat(Files.readAllLines(asked)).as("asked by the first run only").hasSize(1);

        Files.writeString(javaCommand, "# updated\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(followthrough(work, env, "--version").code()).isZero();
        assertThat(followthrough(work, env, "--version").code()).isZero();
        assertThat(Files.readAllLines(asked)).as("asked again once the runtime changed, then not").hasSize(2);

        Map<String, String> keepingNothing = Map.of("JAVA_HOME", runtime.toString(), "FOLLOWTHROUGH_CLASS_CACHE", "off");
        assertThat(followthrough(work, keepingNothing, "--version").code()).isZero();
        assertThat(followthrough(work, keepingNothing, "--version").code()).isZero();
        assertThat(Files.readAllLines(asked)).as("asked on every run where nothing is kept").hasSize(4);

        Files.writeString(javaCommand, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n", StandardCharsets.UTF_8);
        Ran old = followthrough(work, env, "--version");
        assertThat(old.code()).as("a runtime replaced by an older one is told as before").isEqualTo(2);
        assertThat(old.err()).contains("needs Java 17 or later").contains("is Java 11");
    }

    /**
     * From Java 25 on, the launcher keeps an ahead-of-time cache instead (see bin/followthrough): made after the first
     * build from what it loaded, without a word from Java, and used by the runs after it.
     */
    @Test
    void onJava25OrLaterTheFirstBuildKeepsAnAheadOfTimeCacheForTheRunsAfterIt() throws Exception {
        Optional<Path> newer = javaHome(25);
        org.junit.jupiter.api.Assumptions.assumeTrue(newer.isPresent(), "no Java runtime of version 25 or later under /usr/lib/jvm");
        Path repo = initialised();
        Path classes = work.resolve("ahead-of-time cache");
        Map<String, String> env = Map.of("FOLLOWTHROUGH_CLASS_CACHE", classes.toString(), "JAVA_HOME", newer.get().toString());

        Ran first = followthrough(repo, env, "build");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).as("nothing from Java about the cache").isEmpty();
        assertThat(first.out()).as("the build's summary, and nothing of the cache").startsWith("Published ").doesNotContain("AOT")
                .hasLineCount(1);
        try (var kept = Files.list(classes)) {
            assertThat(kept.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("classes-"))).singleElement().asString()
                    .matches("classes-\\d+-\\d+-\\d+\\.aot");
        }

        String loaded = "classes-loaded-25.txt";
        Ran second = followthrough(repo, Map.of("FOLLOWTHROUGH_CLASS_CACHE", classes.toString(), "JAVA_HOME", newer.get().toString(),
                "FOLLOWTHROUGH_OPTS", "-Xlog:class+load=info:file=" + loaded), "build", "--no-cache");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(repo.resolve(loaded)).content(StandardCharsets.UTF_8)
                .containsPattern("org\\.followthrough\\.cli\\.Main source: shared objects file");
    }

    /** A Java runtime of at least this version among those installed the usual way on Linux, if there is one. */
    private static Optional<Path> javaHome(int version) throws IOException {
        Path installed = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(installed)) {
            return Optional.empty();
        }
        Pattern major = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
        try (var homes = Files.list(installed)) {
            return homes.sorted().filter(home -> Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(home.resolve("release")))
                    .filter(home -> {
                        try {
                            Matcher m = major.matcher(Files.readString(home.resolve("release")));
                            return m.find() && Integer.parseInt(m.group(1)) >= version;
                        } catch (IOException e) {
                            return false;
                        }
                    }).findFirst();
        }
    }

    private Path initialised() throws Exception {
        Ran init = followthrough(work, "init", "repo", "--name", "Sample NHS Foundation Trust", "--type", "nhs_trust");
        assertThat(init.code()).as(init.err()).isZero();
        return work.resolve("repo");
    }

    /** The shell lines of CI steps that run followthrough (not those that install it). */
    private static List<String> followthroughCommands(JsonNode steps) {
        List<String> commands = new ArrayList<>();
        for (JsonNode step : steps) {
            JsonNode run = step.has("run") ? step.get("run") : step;
            if (run.isTextual()) {
                run.asText().lines().filter(l -> l.strip().startsWith("followthrough ")).forEach(commands::add);
            }
        }
        assertThat(commands).isNotEmpty();
        return commands;
    }

    /** Replaces the placeholder of each field named with a value, as an editor does by hand. */
    private static void fillIn(Path file, Map<String, String> values) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("TO FILL IN")) {
                continue;
            }
            String key = line.strip().replaceFirst("^- ", "").replaceFirst(":.*", "");
            if (line.strip().startsWith("TO FILL IN")) {
                key = lines.get(i - 1).strip().replaceFirst("^- ", "").replaceFirst(":.*", "");
                lines.set(i, line.substring(0, line.indexOf("TO FILL IN")) + values.get(key));
            } else if (values.containsKey(key)) {
                lines.set(i, line.substring(0, line.indexOf(key + ":") + key.length() + 1) + " " + values.get(key));
            } else {
                lines.remove(i--);
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** What serve printed as its address, and what it answered for a page of the site there. */
    private record Served(String address, int status, String page, String err) {
    }

    /** Starts serve in a folder through the launcher, as the guide says, asks it for a page of the site, and stops it. */
    private static Served serve(Path folder, String page) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "serve", "--port", "0").directory(folder.toFile());
        builder.environment().put("XDG_CACHE_HOME", userCache().toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            Matcher address = SERVING.matcher(Files.readString(out));
            while (!address.find()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("serve did not start:\n" + Files.readString(out) + Files.readString(err));
                }
                Thread.sleep(50);
                address = SERVING.matcher(Files.readString(out));
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(address.group(1) + page)).build(), HttpResponse.BodyHandlers.ofString());
            return new Served(address.group(1), response.statusCode(), response.body(), Files.readString(err));
        } finally {
            process.destroy();
            process.waitFor(1, TimeUnit.MINUTES);
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** A JAVA_HOME that holds no Java is named as the cause, not taken for Java missing from the machine. */
    @Test
    void namesAJavaHomeThatHoldsNoJava() throws Exception {
        Ran ran = followthrough(work, Map.of("JAVA_HOME", work.resolve("no-java").toString()), "check");

        assertThat(ran.code()).isEqualTo(2);
        assertThat(ran.err()).contains("JAVA_HOME is set to " + work.resolve("no-java") + ", which holds no Java runtime")
                .contains("unset it to use the java on the PATH");
    }

    private Ran followthrough(Path folder, String... args) throws Exception {
        return followthrough(folder, Map.of(), args);
    }

    private Ran followthrough(Path folder, Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return run(folder, environment, command.toArray(String[]::new));
    }

    /** A line of a CI file, run by a shell as the CI would, with the distribution's bin/ on the PATH. */
    private Ran shell(Path folder, String line, Map<String, String> environment) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("PATH", launcher.getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
        return run(folder, env, "bash", "-eu", "-o", "pipefail", "-c", line);
    }

    private static Ran run(Path folder, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().put("XDG_CACHE_HOME", userCache().toString());
        // the Java runtime running the tests, unless a test names another
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 5 minutes: " + String.join(" ", command));
        }
        Ran ran = new Ran(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return ran;
    }

    /** The user's cache folder for the launcher's class archive: beside the distribution, not in the home of whoever runs the tests. */
    private static Path userCache() {
        return unpacked.resolve("user cache");
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
