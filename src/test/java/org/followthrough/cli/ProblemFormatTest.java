package org.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code check --format github|json|sarif} on a fixture with one error and one warning
 * ({@code src/test/resources/formats/content}); JSON and SARIF are validated against their schemas.
 */
class ProblemFormatTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final String CONTENT = "src/test/resources/formats/content";
    private static final String FILE = CONTENT + "/plans/sample-review/recommendations/01.yaml";
    private static final String VALID = "src/test/resources/sites/small";


    private static CommandRun check(String content, String format) {
        return CommandRun.of(CLOCK, "check", "--content", content, "--as-of", "2026-11-23", "--format", format);
    }

    @Test
    void githubFormatAnnotatesEachProblemOnItsLine() {
        CommandRun run = check(CONTENT, "github");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "::error file=" + FILE + ",line=26,col=13,title=Followthrough::'2024-09-31' is not a real date: September 2024 has 30 days"
                        + " — check the day and month; keep wording such as '31 September 2020' as {as_published: \"…\"} without a date",
                "::warning file=" + FILE + ",line=29,col=9,title=Followthrough::progress update has no date"
                        + " — add date: YYYY-MM-DD, or date_as_published: explaining that the published document gives none");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void githubFormatEscapesWhatWorkflowCommandsWouldReadAsSyntax() {
        StringWriter out = new StringWriter();
        var problem = org.followthrough.problem.Problem.error(new org.followthrough.problem.Location("a,b:c%.yaml", 1, 2),
                "50% done\nsecond line", null);

        ProblemFormat.GITHUB.write(List.of(problem), new PrintWriter(out, true));

        assertThat(out.toString()).isEqualTo("::error file=a%2Cb%3Ac%25.yaml,line=1,col=2,title=Followthrough::50%25 done%0Asecond line"
                + System.lineSeparator());
    }

    @Test
    void jsonFormatFollowsItsPublishedSchema() throws IOException {
        CommandRun run = check(CONTENT, "json");

        assertThat(run.code()).isEqualTo(1);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(Path.of("src/site/resources/schema/check-report.schema.json")), InputFormat.JSON);
        assertThat(schema.validate(run.out(), InputFormat.JSON)).isEmpty();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        assertThat(report.get("warnings").asInt()).isEqualTo(1);
        JsonNode error = report.get("problems").get(0);
        assertThat(error.get("severity").asText()).isEqualTo("error");
        assertThat(error.get("file").asText()).isEqualTo(FILE);
        assertThat(error.get("line").asInt()).isEqualTo(26);
        assertThat(error.get("column").asInt()).isEqualTo(13);
        assertThat(error.get("message").asText()).isEqualTo("'2024-09-31' is not a real date: September 2024 has 30 days");
        assertThat(error.get("hint").asText()).startsWith("check the day and month");
        assertThat(report.get("problems").get(1).get("severity").asText()).isEqualTo("warning");
    }

    @Test
    void sarifFormatIsValidSarif210() throws IOException {
        CommandRun run = check(CONTENT, "sarif");

        assertThat(run.code()).isEqualTo(1);
        assertThat(sarifErrors(run.out())).isEmpty();
        JsonNode results = new ObjectMapper().readTree(run.out()).get("runs").get(0).get("results");
        assertThat(results).hasSize(2);
        JsonNode location = results.get(0).get("locations").get(0).get("physicalLocation");
        assertThat(results.get(0).get("level").asText()).isEqualTo("error");
        assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo(FILE);
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(26);
        assertThat(location.get("region").get("startColumn").asInt()).isEqualTo(13);
        assertThat(results.get(1).get("level").asText()).isEqualTo("warning");
    }

    @Test
    void theSarifSchemaCatchesALogThatIsNotSarif210() throws IOException {
        assertThat(sarifErrors("{\"version\": \"2.0.0\", \"runs\": [{\"results\": []}]}")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyFormatOfValidContentSaysSoAndExitsZero() throws IOException {
        assertThat(check(VALID, "github")).isEqualTo(new CommandRun(0, "", ""));
        CommandRun json = check(VALID, "json");
        assertThat(json.code()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).get("problems")).isEmpty();
        CommandRun sarif = check(VALID, "sarif");
        assertThat(sarif.code()).isZero();
        assertThat(sarifErrors(sarif.out())).isEmpty();
    }

    @Test
    void rejectsAnUnknownFormat() {
        CommandRun run = check(VALID, "xml");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--format").contains("xml");
    }

    private static List<Error> sarifErrors(String log) throws IOException {
        String schema = Files.readString(Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json"), StandardCharsets.UTF_8);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema, InputFormat.JSON)
                .validate(log, InputFormat.JSON);
    }
}
