package org.followthrough.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI files {@code init} writes parse as YAML and do what the editors' guide says: check every pull
 * or merge request, and on the main branch build with the Pages address and publish, keeping the
 * build cache. Their commands are run against an initialised repository by {@code DistributionIT}.
 */
class CiFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode github() throws IOException {
        return YAML.readTree(StarterRepository.resource("github-workflow.yml"));
    }

    static JsonNode gitlab() throws IOException {
        return YAML.readTree(StarterRepository.resource("gitlab-ci.yml"));
    }

    /** Every shell line of a job's steps ({@code run:}) or script, in order. */
    static List<String> commands(JsonNode steps) {
        List<String> commands = new ArrayList<>();
        for (JsonNode step : steps) {
            JsonNode run = step.has("run") ? step.get("run") : step;
            if (run.isTextual()) {
                run.asText().lines().filter(l -> !l.isBlank()).forEach(commands::add);
            }
        }
        return commands;
    }

    @Test
    void githubChecksEveryPullRequestWithAnnotations() throws IOException {
        JsonNode workflow = github();

        assertThat(workflow.get("on").has("pull_request")).isTrue();
        assertThat(commands(workflow.at("/jobs/check/steps"))).contains("followthrough check --format github");
    }

    @Test
    void githubPublishesToPagesFromMainWithThePagesAddressAndTheCache() throws IOException {
        JsonNode workflow = github();
        JsonNode publish = workflow.at("/jobs/publish");

        assertThat(workflow.at("/on/push/branches").toString()).contains("main");
        assertThat(publish.get("if").asText()).contains("refs/heads/main").contains("pull_request");
        assertThat(publish.at("/permissions/pages").asText()).isEqualTo("write");
        assertThat(publish.at("/permissions/id-token").asText()).isEqualTo("write");
        assertThat(commands(publish.get("steps"))).contains("followthrough build --base-url \"${{ steps.pages.outputs.base_url }}/\"");
        List<String> uses = publish.get("steps").findValuesAsText("uses");
        assertThat(uses).anyMatch(u -> u.startsWith("actions/configure-pages@"))
                .anyMatch(u -> u.startsWith("actions/upload-pages-artifact@"))
                .anyMatch(u -> u.startsWith("actions/deploy-pages@"));
        // the build cache and the last site, restored together (a build keeps the snapshots of the site it replaces)
        assertThat(publish.get("steps").findValuesAsText("path")).anySatisfy(path -> assertThat(path.lines()).contains(".followthrough-cache", "site"))
                .contains("site");
    }

    @Test
    void gitlabChecksEveryMergeRequestAndPublishesPagesFromTheDefaultBranch() throws IOException {
        JsonNode ci = gitlab();

        assertThat(ci.at("/check/rules").toString()).contains("merge_request_event");
        assertThat(commands(ci.at("/check/script"))).contains("followthrough check");
        assertThat(ci.at("/pages/rules").toString()).contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
        assertThat(commands(ci.at("/pages/script"))).contains("followthrough build --out public --base-url \"$CI_PAGES_URL/\"");
        assertThat(ci.at("/pages/artifacts/paths").toString()).contains("public");
        assertThat(ci.at("/pages/cache/paths").toString()).contains(".followthrough-cache/").contains("public/");
    }

    @Test
    void bothPublishFromTheWholeHistorySoPlanPagesKnowWhenTheyLastChanged() throws IOException {
        JsonNode checkout = github().at("/jobs/publish/steps/0");

        assertThat(checkout.get("uses").asText()).startsWith("actions/checkout@");
        assertThat(checkout.at("/with/fetch-depth").asInt(-1)).isZero();
        assertThat(gitlab().at("/pages/variables/GIT_DEPTH").asInt(-1)).isZero();
    }

    @Test
    void bothInstallTheReleaseNamedAtTheirTop() throws IOException {
        assertThat(github().at("/env/FOLLOWTHROUGH_URL").asText()).isEqualTo("@@DOWNLOAD_URL@@");
        assertThat(gitlab().at("/variables/FOLLOWTHROUGH_URL").asText()).isEqualTo("@@DOWNLOAD_URL@@");
        assertThat(commands(github().at("/jobs/check/steps"))).anyMatch(c -> c.contains("curl") && c.contains("$FOLLOWTHROUGH_URL"));
        assertThat(commands(gitlab().at("/default/before_script"))).anyMatch(c -> c.contains("curl") && c.contains("$FOLLOWTHROUGH_URL"));
    }

    @Test
    void everyStarterFileIsListedAndEveryListedFileExists() throws IOException {
        List<String> listed = StarterRepository.resource("files.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.trim().split("\\s+")[0]).toList();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/org/followthrough/scaffold/starter"))) {
            List<String> present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("files.txt")).sorted().toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        }
    }
}
