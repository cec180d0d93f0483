package org.followthrough.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML example in the editors' guide ({@code src/site/markdown/}) passes {@code check}.
 *
 * <p>An example says which file it is in an HTML comment on the line before its block:
 * {@code <!-- example: plans/example/recommendations/07.yaml -->}, a path in the content folder. A
 * fragment adds what it sits below: {@code , below: the site's fields} or {@code , below: an action}.
 * Each example is checked in a content folder holding a site, the shipped organisations and a plan
 * {@code example} with scales, and the earlier examples of the same page, as an editor reading the
 * page would have built it; Markdown files the examples name are written with a line of text.
 */
class GuideExamplesTest {

    private static final Path GUIDE = Path.of("src/site/markdown");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([^,>]+?)(?:, below: ([^>]+?))? -->\\n```yaml\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern FILE_REFERENCE = Pattern.compile("\\{file: ([^}]+)}");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private static final Map<String, String> FRAMES = Map.of(
            "the site's fields", """
                    title: Example
                    publisher: Example
                    base_url: https://example.org/
                    language: en-GB
                    time_zone: Europe/London
                    """,
            "an action", """
                    number: "1"
                    actions:
                      - ref: "1.1"
                        owners: [{organisation: eput}]
                    """);

    private static final String PLAN = """
            title: Example
            kind: other
            organisations: [eput, niche, nhs-sandwell-and-west-birmingham-ccg]
            scales:
              grades: [{code: A, label: A}, {code: B, label: B}]
              priorities: [{code: "1", label: Priority 1}, {code: "2", label: Priority 2}]
              statuses:
                - {code: in-progress, label: In progress, lifecycle: in_progress}
                - {code: completed, label: Completed, lifecycle: completed}
                - {code: complete-and-ongoing, label: Complete and ongoing, lifecycle: embedded}
            """;

    @TempDir
    Path temp;

    /** One example: the page, its place among the page's examples, the file it is and its text (with its frame). */
    record Example(String page, int index, String path, String text) {
        @Override
        public String toString() {
            return page + " #" + (index + 1) + " (" + path + ")";
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> pages = Files.list(GUIDE)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(page, StandardCharsets.UTF_8);
                Matcher matcher = EXAMPLE.matcher(text);
                int index = 0;
                Map<String, String> shown = new LinkedHashMap<>();
                while (matcher.find()) {
                    String frame = matcher.group(2) == null ? "" : FRAMES.get(matcher.group(2));
                    assertThat(frame).as(page + ": unknown 'below: " + matcher.group(2) + "'").isNotNull();
                    // Below the site's fields the page showed earlier, the fragment adds to them, as an editor's file would.
                    if ("the site's fields".equals(matcher.group(2)) && shown.containsKey(matcher.group(1))) {
                        frame = shown.get(matcher.group(1));
                    }
                    String example = frame + matcher.group(3);
                    shown.put(matcher.group(1), example);
                    examples.add(new Example(page.getFileName().toString(), index++, matcher.group(1), example));
                }
                long blocks = text.lines().filter(l -> l.equals("```yaml")).count();
                assertThat(index).as(page + ": every ```yaml block is an example with its file named in <!-- example: … -->").isEqualTo(blocks);
            }
        }
        assertThat(examples).isNotEmpty();
        return examples;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesCheck(Example example) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("site.yaml", FRAMES.get("the site's fields"));
        files.put("organisations/sample-nhs-foundation-trust.yaml", "name: Sample NHS Foundation Trust\ntype: nhs_trust\n");
        files.put("plans/example/plan.yaml", PLAN);
        for (Example earlier : examples()) {
            if (earlier.page().equals(example.page()) && earlier.index() <= example.index()) {
                files.put(earlier.path(), earlier.text());
            }
        }
        Path content = temp.resolve("content");
        try (Stream<Path> shipped = Files.list(Path.of("content/organisations"))) {
            for (Path organisation : shipped.toList()) {
                write(content.resolve("organisations").resolve(organisation.getFileName()), Files.readString(organisation));
            }
        }
        for (var file : files.entrySet()) {
            Path path = content.resolve(file.getKey());
            write(path, file.getValue());
            Matcher reference = FILE_REFERENCE.matcher(file.getValue());
            while (reference.find()) {
                Path markdown = path.getParent().resolve(reference.group(1));
                if (!Files.exists(markdown)) {
                    write(markdown, "Text of " + reference.group(1) + ".\n");
                }
            }
        }

        BuildResult result = Pipeline.check(new BuildRequest(content, null, null, LocalDate.of(2026, 11, 23), null, CLOCK));

        assertThat(result.problems()).as(example + " with:%n%s", example.text()).isEmpty();
    }

    private static void write(Path path, String text) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }
}
