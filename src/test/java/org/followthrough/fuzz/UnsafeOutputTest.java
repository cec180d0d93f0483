package org.followthrough.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.support.TestBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz tests' reading of a published site finds script where other sites would run it: in the Markdown fields of
 * the data documents, rendered as a plain CommonMark renderer renders them, as well as in the pages. Here a site built
 * safely is changed by hand, as no build publishes such text, to show that the reading would find it.
 */
class UnsafeOutputTest {

    @TempDir
    Path temp;

    private Path site() {
        Path out = temp.resolve("site");
        BuildResult built = Pipeline.build(TestBuilds.request(TestBuilds.fixture("small"), out).withPdfs(false));
        assertThat(built.succeeded()).as(built.problems().toString()).isTrue();
        return out;
    }

    @Test
    void findsScriptInAMarkdownFieldOfTheDataButNotWordsInAngleBrackets() throws IOException {
        Path site = site();
        assertThat(UnsafeOutput.in(site, "no secret")).as("the site as built").isEmpty();
        Path plan = site.resolve("plans/sample-review/plan.json");
        String json = Files.readString(plan, StandardCharsets.UTF_8);
        assertThat(json).contains("\"description\":\"");

        Files.writeString(plan, json.replaceFirst("\"description\":\"", "\"description\":\"<review ongoing> and <link to be added>. "));
        assertThat(UnsafeOutput.in(site, "no secret")).as("words in angle brackets run nothing").isEmpty();

        Files.writeString(plan, json.replaceFirst("\"description\":\"", "\"description\":\"Done. <img src=x onerror=alert(1)> "));
        assertThat(UnsafeOutput.in(site, "no secret")).singleElement().asString()
                .contains("plan.json description", "event-handler attribute");

        Files.writeString(plan, json.replaceFirst("\"description\":\"", "\"description\":\"See [the minutes](javascript:alert(1)). "));
        assertThat(UnsafeOutput.in(site, "no secret")).singleElement().asString().contains("plan.json description", "script or data address");
    }
}
