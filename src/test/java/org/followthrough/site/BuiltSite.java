package org.followthrough.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.problem.Problem;
import org.followthrough.support.TestBuilds;

/**
 * The shipped content published to a folder by the real pipeline, as it would be uploaded.
 *
 * @param root    the published folder
 * @param baseUrl the base URL the site was built for, always ending in "/"
 * @param files   every file of the site, as paths relative to root with "/" separators, sorted
 */
record BuiltSite(Path root, String baseUrl, Set<String> files) {

    /**
     * Builds content/ as at {@link TestBuilds#AS_OF} into {@code out}, with a snapshot of the site as at
     * that date and what changed since {@link TestBuilds#SINCE} (whose pages must pass every check the others do);
     * baseUrl null keeps content/site.yaml's. The change history is read from the project's own repository, so
     * that its pages are checked too (whatever it holds).
     */
    static BuiltSite build(Path out, String baseUrl) {
        BuildRequest defaults = TestBuilds.request(TestBuilds.SHIPPED_CONTENT, out);
        BuildRequest request = (baseUrl == null ? defaults
                : new BuildRequest(defaults.content(), defaults.templates(), out, defaults.asOf(), baseUrl, defaults.clock()))
                .withSnapshot(true).withSince(TestBuilds.SINCE).withHistory(true);
        BuildResult result = Pipeline.build(request);
        if (!result.succeeded()) {
            throw new AssertionError("the build of " + request.content() + " failed:\n"
                    + String.join("\n", result.problems().stream().map(Problem::format).toList()));
        }
        return of(out, result.archive().site().baseUrl());
    }

    /** A site already in a folder (a throwaway one, for testing the checks themselves). */
    static BuiltSite of(Path root, String baseUrl) {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuiltSite(root, baseUrl.endsWith("/") ? baseUrl : baseUrl + "/", Set.copyOf(files));
    }

    /** The files whose names end with {@code suffix}, sorted. */
    List<String> filesEndingWith(String suffix) {
        return files.stream().filter(f -> f.endsWith(suffix)).sorted().toList();
    }

    boolean has(String path) {
        return files.contains(path);
    }

    byte[] bytes(String path) {
        try {
            return Files.readAllBytes(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
