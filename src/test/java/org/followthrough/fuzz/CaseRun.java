package org.followthrough.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.followthrough.cli.Main;
import org.followthrough.support.Folders;

/**
 * One case of the fuzz test, run as an editor runs it: {@code check}, then {@code build} into an
 * output folder that holds the site published from the valid content, both through the command
 * line. What it demands of every case:
 * <ul>
 * <li>no stack trace and no internal error in what either command prints;</li>
 * <li>an exit code from the documented set, and the same for both commands with the same problems:
 * a clean check means a published site, a failed one a failed build;</li>
 * <li>after a failed build, the previous site byte for byte as it was, and no staging folder left
 * beside it;</li>
 * <li>after a successful build, no script and nothing from outside the content folder in any output
 * (see {@link UnsafeOutput}).</li>
 * </ul>
 * A case that breaks any of these is kept, content and all, under {@code target/fuzz-failures/}.
 */
final class CaseRun {

    static final String AS_OF = "2026-11-23";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    /** The text of every file beside the content folder; it must never be published. */
    static final String SECRET = "SECRET-OUTSIDE-THE-CONTENT-FOLDER";
    static final Path FAILURES = Path.of("target", "fuzz-failures").toAbsolutePath();
    private static final Path CASES = Path.of("target", "fuzz").toAbsolutePath();
    /** Far beyond what any case takes: a guard against a build that never ends, not a measure of speed. */
    private static final long LIMIT_SECONDS = 300;
    /** The exit codes the README lists: success, problems in the content, a wrong command line, a site that could not be written. */
    private static final List<Integer> DOCUMENTED_EXIT_CODES = List.of(0, 1, 2, 3);
    private static final Pattern STACK_TRACE = Pattern.compile("\tat |Exception|Error:|internal error");

    private static Path root;
    private static Path baseline;
    private static Map<String, byte[]> baselineFiles;
    private static Path spare;

    private CaseRun() {
    }

    /** The exit code and everything written to standard output and standard error. */
    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /**
     * Checks and builds {@code content} and fails with everything seen if any demand is not met;
     * returns whether {@code check} accepted the content.
     */
    static boolean verify(Content content, boolean pdfs, String description) {
        Path folder = newCaseFolder();
        Path outside = secrets(folder.resolve("outside"));
        Path contentFolder = content.write(folder.resolve("content"), outside);
        Path site = previousSite(folder.resolve("site"));
        String templates = folder.resolve("no-templates").toString();

        // given the output folder, as check then tells the plans the site there would lose, as build does
        Run check = run("check", "--content", contentFolder.toString(), "--templates", templates, "--out", site.toString(), "--as-of", AS_OF);
        List<String> build = new ArrayList<>(List.of("build", "--content", contentFolder.toString(), "--templates", templates,
                "--out", site.toString(), "--as-of", AS_OF, "--cache", cache().toString()));
        if (!pdfs) {
            build.add("--no-pdf");
        }
        Run built = run(build.toArray(String[]::new));

        List<String> broken = new ArrayList<>();
        for (Run run : List.of(check, built)) {
            String name = run == check ? "check" : "build";
            if (STACK_TRACE.matcher(run.all()).find()) {
                broken.add(name + " printed a stack trace or an internal error");
            }
            if (!DOCUMENTED_EXIT_CODES.contains(run.code())) {
                broken.add(name + " exited " + run.code() + ", not one of the documented exit codes " + DOCUMENTED_EXIT_CODES);
            }
        }
        if ((check.code() == 0) != (built.code() == 0)) {
            broken.add("check exited " + check.code() + " but build exited " + built.code());
        } else if (!problems(check, contentFolder).equals(problems(built, contentFolder))) {
            broken.add("check and build reported different problems");
        }
        if (built.code() == 0) {
            if (!Files.isRegularFile(site.resolve("index.html"))) {
                broken.add("build succeeded but published no index.html");
            }
            UnsafeOutput.in(site, SECRET).forEach(finding -> broken.add("published " + finding));
        } else {
            broken.addAll(changesTo(site));
        }
        List<String> beside = list(folder).stream().filter(name -> !Set.of("content", "outside", "site").contains(name)).toList();
        if (!beside.isEmpty()) {
            broken.add("left beside the output folder: " + beside);
        }
        if (!broken.isEmpty()) {
            Path kept = keep(folder);
            throw new AssertionError(String.join("\n", broken) + "\n\ncase: " + description + "\nkept in " + kept.toAbsolutePath()
                    + "\n\ncheck exited " + check.code() + ":\n" + check.all() + "\nbuild exited " + built.code() + ":\n" + built.all());
        }
        if (built.code() != 0) {
            // shown above to be the previous site as it was: the next case can build over it as well as over a copy
            spare = move(site, root().resolve("spare-site"));
        }
        delete(folder);
        return check.code() == 0;
    }

    /** The problems a command reported about the content, one line each, without its closing summary. */
    private static List<String> problems(Run run, Path content) {
        return run.err().lines().filter(line -> line.startsWith(content.toString())).toList();
    }

    /** What differs in the output folder from the site that was there before the build, file by file. */
    private static List<String> changesTo(Path site) {
        Map<String, byte[]> now = files(site);
        List<String> changes = new ArrayList<>();
        for (String path : baselineFiles.keySet()) {
            if (!now.containsKey(path)) {
                changes.add("a failed build removed " + path + " from the previous site");
            } else if (!Arrays.equals(now.get(path), baselineFiles.get(path))) {
                changes.add("a failed build changed " + path + " of the previous site");
            }
        }
        now.keySet().stream().filter(path -> !baselineFiles.containsKey(path))
                .forEach(path -> changes.add("a failed build added " + path + " to the previous site"));
        return changes;
    }

    /** Runs the command line on a thread of its own, so that a build that never ends fails the case instead of hanging the suite. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FutureTask<Integer> task = new FutureTask<>(() -> Main.run(new PrintWriter(out), new PrintWriter(err), CLOCK, args));
        Thread thread = new Thread(task, "fuzz-case");
        thread.setDaemon(true);
        thread.start();
        try {
            int code = task.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            return new Run(code, out.toString(), err.toString());
        } catch (TimeoutException e) {
            thread.interrupt();
            return new Run(-1, out.toString(), err + "\n(the command did not finish within " + LIMIT_SECONDS + " seconds)");
        } catch (ExecutionException e) {
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            return new Run(-1, out.toString(), err + "\n(the command threw, out of Main.run)\n" + trace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * The output folder for a case, at {@code at}: the site of the valid content, as the last case's
     * failed build left it untouched, or else a fresh copy of it. Copying a site is much of what a
     * case whose build fails costs.
     */
    private static Path previousSite(Path at) {
        if (spare != null) {
            Path site = move(spare, at);
            spare = null;
            return site;
        }
        return copy(baseline(), at);
    }

    /** The site the valid content publishes, built once: every case's output folder starts as it. */
    static synchronized Path baseline() {
        if (baseline == null) {
            Path folder = root().resolve("baseline");
            Path site = folder.resolve("site");
            Path content = Mutations.BASE_CONTENT.write(folder.resolve("content"), secrets(folder.resolve("outside")));
            Run run = run("build", "--content", content.toString(), "--templates", folder.resolve("no-templates").toString(),
                    "--out", site.toString(), "--as-of", AS_OF, "--cache", cache().toString());
            if (run.code() != 0) {
                throw new AssertionError("the valid content did not build:\n" + run.all());
            }
            List<String> unsafe = UnsafeOutput.in(site, SECRET);
            if (!unsafe.isEmpty()) {
                throw new AssertionError("the site of the valid content is not safe by the fuzz test's measure:\n" + String.join("\n", unsafe));
            }
            baselineFiles = files(site);
            baseline = site;
        }
        return baseline;
    }

    /**
     * The build cache of this run, shared by its cases: unchanged files come from it, as in an editor's
     * builds, but it starts empty and stays small, where the working folder's grows with every test.
     */
    private static Path cache() {
        return root().resolve("cache");
    }

    private static synchronized Path root() {
        if (root == null) {
            try {
                // under target/, on the same disk as the folder failed cases are moved to
                Files.createDirectories(CASES);
                root = Files.createTempDirectory(CASES, "run");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created)));
        }
        return root;
    }

    private static Path newCaseFolder() {
        try {
            return Files.createTempDirectory(root(), "case");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files beside the content folder that a build must never publish, each in a form the content could use. */
    private static Path secrets(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("secret.md"), SECRET + "\n");
            Files.writeString(folder.resolve("secret.yaml"), "name: " + SECRET + "\ntype: police_force\n");
            Files.writeString(folder.resolve("secret.svg"), Logos.svgWith("<title>" + SECRET + "</title>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    private static Map<String, byte[]> files(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<String> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path from, Path to) {
        try {
            return Folders.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path move(Path from, Path to) {
        try {
            return Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed case's folder, moved where it can be looked at and turned into a fixture. */
    private static Path keep(Path folder) {
        try {
            Files.createDirectories(FAILURES);
            Path kept = FAILURES.resolve(folder.getFileName().toString());
            Files.writeString(folder.resolve("README.txt"), "A case the fuzz test failed on; content/ is its input.\n",
                    StandardCharsets.UTF_8);
            Files.move(folder, kept);
            return kept;
        } catch (IOException e) {
            return folder;
        }
    }

    static void delete(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder; the system cleans it up in the end
        }
    }
}
