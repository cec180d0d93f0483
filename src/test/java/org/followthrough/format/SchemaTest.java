package org.followthrough.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas editors use agree with the tool: published up to date, and accepting exactly the shipped content. */
class SchemaTest {

    private static final Path CONTENT = Path.of("content");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ParameterizedTest
    @MethodSource("fileKinds")
    void committedSchemaMatchesTheFormat(ContentFormat.FileKind kind) throws IOException {
        Path committed = CONTENT.resolve("schema").resolve(kind.schemaFileName());
        assertThat(committed).as("run: java -jar target/followthrough.jar schema").exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8)).isEqualTo(SchemaWriter.schema(kind));
    }

    static Stream<ContentFormat.FileKind> fileKinds() {
        return ContentFormat.FILE_KINDS.stream();
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void everyShippedFileSatisfiesItsSchema(Path file) throws IOException {
        List<Error> errors = schemaFor(file).validate(Files.readString(file, StandardCharsets.UTF_8), InputFormat.YAML);
        assertThat(errors).as(file.toString()).isEmpty();
    }

    static Stream<Path> shippedFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(CONTENT)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void schemaRejectsAMisspeltField() {
        List<Error> errors = schema("recommendation").validate("number: \"1\"\ntitel: Record keeping\n", InputFormat.YAML);
        assertThat(errors).isNotEmpty();
        assertThat(errors.toString()).contains("titel");
    }

    @Test
    void schemaRejectsATargetWithoutItsWording() {
        String action = """
                number: "1"
                actions:
                  - ref: "1.1"
                    owners: [{organisation: a}]
                    target: {date: 2020-09-30}
                """;
        assertThat(schema("recommendation").validate(action, InputFormat.YAML)).isNotEmpty();
    }

    @Test
    void schemaStatesTheLimitsTheCheckerEnforces() {
        String plan = """
                title: %s
                kind: independent_investigation
                organisations: [a]
                start: %s
                """;
        Schema schema = schema("plan");
        assertThat(schema.validate(plan.formatted("x".repeat(Limits.MAX_TEXT_LENGTH), "2024-01-15"), InputFormat.YAML)).isEmpty();
        assertThat(schema.validate(plan.formatted("x".repeat(Limits.MAX_TEXT_LENGTH + 1), "2024-01-15"), InputFormat.YAML))
                .as("a title one character too long").isNotEmpty();
        for (String year : List.of("1900", "1999", "2000", "2099", "2100")) {
            assertThat(schema.validate(plan.formatted("Plan", year + "-01-15"), InputFormat.YAML)).as(year).isEmpty();
        }
        for (String year : List.of("0000", "1899", "2101", "9999")) {
            assertThat(schema.validate(plan.formatted("Plan", year + "-01-15"), InputFormat.YAML)).as(year).isNotEmpty();
        }
    }

    @Test
    void everyContentFileNamesItsSchemaForEditors() throws IOException {
        for (Path file : shippedFiles().toList()) {
            String firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
            String expected = kindOf(file) + ".schema.json";
            assertThat(firstLine).as(file.toString()).startsWith("# yaml-language-server: $schema=").endsWith(expected);
            Path target = file.getParent().resolve(firstLine.substring(firstLine.indexOf('=') + 1)).normalize();
            assertThat(target).as("schema path in " + file).exists();
        }
    }

    private static String kindOf(Path file) {
        String path = CONTENT.relativize(file).toString().replace('\\', '/');
        if (path.equals("site.yaml")) {
            return "site";
        }
        if (path.startsWith("organisations/")) {
            return "organisation";
        }
        return path.endsWith("/plan.yaml") ? "plan" : "recommendation";
    }

    private static Schema schemaFor(Path file) {
        return schema(kindOf(file));
    }

    private static Schema schema(String kind) {
        ContentFormat.FileKind fileKind = ContentFormat.FILE_KINDS.stream().filter(k -> k.name().equals(kind)).findFirst().orElseThrow();
        return REGISTRY.getSchema(SchemaWriter.schema(fileKind), InputFormat.JSON);
    }
}
