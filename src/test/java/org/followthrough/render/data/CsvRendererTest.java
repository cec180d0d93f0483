package org.followthrough.render.data;

import org.followthrough.render.Routes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Evidence;
import org.followthrough.model.ExtraColumn;
import org.followthrough.model.FollowUp;
import org.followthrough.model.Markdown;
import org.followthrough.model.Organisation;
import org.followthrough.model.Owner;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Target;
import org.followthrough.model.TargetDate;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.support.TestArchives;
import org.followthrough.support.TestArchives.Located;
import org.followthrough.support.TestArchives.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The actions as CSV: RFC 4180, UTF-8 with a BOM, every column true to the model, for every plan, organisation and the site. */
@Isolated("sets the default locale and time zone, which every test in the JVM shares")
class CsvRendererTest {

    static Stream<Scope> scopes() {
        return TestArchives.scopes();
    }

    static String csv(Scope scope) {
        if (scope.isPlan()) {
            return CsvRenderer.plan(scope.archive(), scope.plan()).toString();
        }
        if (scope.isOrganisation()) {
            return CsvRenderer.organisation(scope.archive(), scope.organisation()).toString();
        }
        return CsvRenderer.site(scope.archive()).toString();
    }

    static String metadata(Scope scope) {
        if (scope.isPlan()) {
            return CsvRenderer.planMetadata(scope.archive(), scope.plan());
        }
        if (scope.isOrganisation()) {
            return CsvRenderer.organisationMetadata(scope.archive(), scope.organisation());
        }
        return CsvRenderer.siteMetadata(scope.archive());
    }

    /** Parses the CSV as a spreadsheet or script would: strict RFC 4180, the first record as the header. */
    static List<CSVRecord> parse(String csv, List<String> header) throws IOException {
        assertThat(csv).startsWith("\uFEFF");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), format)) {
            header.addAll(parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void everyCsvParsesBackToTheModelsValuesColumnByColumn(Scope scope) throws IOException {
        List<String> header = new ArrayList<>();
        List<CSVRecord> records = parse(csv(scope), header);
        List<Located> actions = scope.actions();
        assertThat(records).as("one row per action").hasSize(actions.size());
        Map<String, String> titles = (scope.isPlan() ? CsvRenderer.columns(scope.plan()) : CsvRenderer.mixedColumns()).stream()
                .collect(Collectors.toMap(CsvRenderer.Column::title, CsvRenderer.Column::name));
        List<String> names = header.stream().map(titles::get).toList();
        for (int i = 0; i < actions.size(); i++) {
            Map<String, String> expected = expected(scope.archive(), actions.get(i), scope.isPlan());
            assertThat(names).as("the model is checked against every column").containsExactlyElementsOf(expected.keySet());
            CSVRecord record = records.get(i);
            assertThat(record.size()).isEqualTo(header.size());
            for (int c = 0; c < header.size(); c++) {
                assertThat(record.get(c)).as(scope + ", action " + actions.get(i).action().ref() + ", column " + header.get(c))
                        .isEqualTo(asSpreadsheetText(expected.get(names.get(c))));
            }
        }
    }

    /**
     * A spreadsheet must never take a cell for a formula: such text is written after an apostrophe, and so is a text that
     * starts with one, so that a reader removes one leading apostrophe wherever there is one.
     */
    private static String asSpreadsheetText(String value) {
        return !value.isEmpty() && "=+-@\t\r'".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(CsvRenderer.field("=HYPERLINK(\"https://evil.example\",\"click\")")).isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"");
        assertThat(CsvRenderer.field("- first point")).isEqualTo("'- first point");
        assertThat(CsvRenderer.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvRenderer.field("2024-06-30")).isEqualTo("2024-06-30");
    }

    @Test
    void aTextThatStartsWithAnApostropheKeepsItWhenTheAddedOneIsTakenAway() {
        assertThat(CsvRenderer.field("'Message of the day' on the intranet")).isEqualTo("''Message of the day' on the intranet");
        assertThat(CsvRenderer.field("- first point")).isEqualTo("'- first point");
        for (String published : List.of("'Message of the day'", "- first point", "=1+1", "plain", "it's")) {
            String cell = CsvRenderer.field(published);
            assertThat(cell.startsWith("'") ? cell.substring(1) : cell).as(published).isEqualTo(published);
        }
    }

    /** What each column must hold, worked out from the model here and not by the renderer's helpers. */
    private static Map<String, String> expected(Archive archive, Located located, boolean onePlan) {
        Action a = located.action();
        Map<String, Organisation> organisations = archive.organisationsById();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("plan_id", located.plan().id());
        row.put("plan_reference", orEmpty(located.plan().reference()));
        row.put("plan_title", located.plan().title());
        org.followthrough.model.Target completion = located.plan().targetCompletion();
        row.put("plan_target_completion", targetWording(completion));
        java.time.LocalDate deadline = completion == null || completion.date() == null ? null : completion.date().deadline();
        row.put("plan_target_completion_passed", deadline != null && deadline.isBefore(archive.asOf()) ? "true" : "false");
        row.put("recommendation_number", located.recommendation().number());
        row.put("recommendation_title", orEmpty(located.recommendation().title()));
        row.put("recommendation_text", markdown(located.recommendation().text()));
        row.put("issues_identified", markdown(located.recommendation().issuesIdentified()));
        row.put("priority", label(located.recommendation().priority()));
        row.put("lead", String.join("; ", located.recommendation().lead().stream().map(id -> organisations.get(id).name()).toList()));
        row.put("lead_ids", String.join("; ", located.recommendation().lead()));
        row.put("oversight", orEmpty(located.recommendation().oversight()));
        row.put("oversight_ids", String.join("; ", located.recommendation().oversightBy()));
        row.put("action_ref", a.ref());
        row.put("section", orEmpty(a.section()));
        row.put("description", markdown(a.description()));
        // each organisation once, however many of the plan's owners it is
        row.put("owners", a.owners().stream().map(Owner::organisationId).distinct().map(id -> organisations.get(id).name())
                .collect(Collectors.joining("; ")));
        row.put("owner_ids", a.owners().stream().map(Owner::organisationId).distinct().collect(Collectors.joining("; ")));
        row.put("listed_owner_ids", a.owners().stream().map(Owner::organisationId).collect(Collectors.joining("; ")));
        row.put("owner_roles", perOwner(a.owners().stream().map(o -> o.roles().isEmpty() ? null : String.join(" / ", o.roles())).toList()));
        row.put("owner_names", perOwner(a.owners().stream().map(Owner::name).toList()));
        row.put("target", targetWording(a.target()));
        row.put("target_date", targetMeaning(a.target()));
        row.put("target_deadline", a.target() == null || a.target().date() == null || a.target().date().deadline() == null
                ? "" : a.target().date().deadline().toString());
        row.put("status", label(a.state().status()));
        row.put("lifecycle", a.state().lifecycle().code());
        row.put("status_since", date(a.state().statusSince()));
        row.put("grade", label(a.state().grade()));
        row.put("rag", label(a.state().rag()));
        row.put("term", label(a.term()));
        row.put("overdue", a.state().overdue() ? "true" : "false");
        row.put("target_passed_without_status", a.state().targetPassedWithoutStatus() ? "true" : "false");
        row.put("not_updated_recently", a.state().stale() ? "true" : "false");
        row.put("last_updated", date(a.state().lastUpdated()));
        row.put("completed_on", date(a.state().completedOn()));
        ProgressUpdate latest = a.progress().stream().filter(u -> u.text() != null).reduce((x, y) -> y).orElse(null);
        row.put("latest_progress_date", latest == null ? "" : date(latest.date()));
        row.put("latest_progress_date_as_published", latest == null ? "" : orEmpty(latest.dateAsPublished()));
        row.put("latest_progress", latest == null ? "" : markdown(latest.text()));
        row.put("progress_updates", String.valueOf(a.progress().size()));
        row.put("monitoring", markdown(a.monitoring()));
        row.put("frequency", orEmpty(a.frequency()));
        row.put("desired_outcome", markdown(a.desiredOutcome()));
        row.put("success_measure", markdown(a.successMeasure()));
        row.put("evidence", a.evidence().stream().map(CsvRendererTest::evidence).collect(Collectors.joining("\n")));
        row.put("quality_assured_by", orEmpty(a.qualityAssuredBy()));
        row.put("follow_ups", a.followUps().stream().map(CsvRendererTest::followUp).collect(Collectors.joining("\n\n")));
        row.put("follow_ups_past_their_dates", String.valueOf(a.followUps().stream().filter(f -> f.datePassed(archive.asOf())).count()));
        row.put("note", markdown(a.note()));
        List<String> inherited = new ArrayList<>();
        if (a.inherited().owners()) {
            inherited.add("owners");
        }
        if (a.inherited().target()) {
            inherited.add("target");
        }
        if (a.progress().stream().anyMatch(ProgressUpdate::shared)) {
            inherited.add("progress");
        }
        inherited.addAll(a.inherited().extraColumns());
        row.put("from_recommendation", String.join("; ", inherited));
        row.put("themes", a.themes().stream().map(id -> archive.site().theme(id).label()).collect(Collectors.joining("; ")));
        row.put("theme_ids", String.join("; ", a.themes()));
        row.put("url", archive.site().baseUrl() + Routes.action(located.plan().id(), located.recommendation().number(), a.ref()));
        Map<String, String> extra = new LinkedHashMap<>();
        for (ExtraColumn column : located.plan().extraColumns()) {
            extra.put(column.label(), a.extraColumns().stream().filter(v -> v.column().equals(column.id())).findFirst()
                    .map(v -> markdown(v.value())).orElse(null));
        }
        if (onePlan) {
            located.plan().extraColumns().forEach(c -> row.put("extra_" + c.id().replace('-', '_'), orEmpty(extra.get(c.label()))));
        } else {
            row.put("extra_columns", extra.isEmpty() ? "" : Json.compact(extra));
        }
        return row;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String label(ScaleEntry entry) {
        return entry == null ? "" : entry.label();
    }

    private static String markdown(Markdown md) {
        return md == null ? "" : md.source().strip();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String perOwner(List<String> values) {
        if (values.stream().allMatch(v -> v == null)) {
            return "";
        }
        return values.stream().map(v -> v == null ? "" : v).collect(Collectors.joining("; "));
    }

    private static String targetWording(Target t) {
        if (t == null) {
            return "";
        }
        if (t.asPublished() != null) {
            return t.asPublished();
        }
        if (t.date() instanceof TargetDate.Day day) {
            return DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK).format(day.date());
        }
        if (t.date() instanceof TargetDate.Month month) {
            return DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK).format(month.month());
        }
        return t.date() instanceof TargetDate.Ongoing ? "Ongoing" : "";
    }

    private static String targetMeaning(Target t) {
        if (t == null || t.date() == null) {
            return "";
        }
        if (t.date() instanceof TargetDate.Day day) {
            return day.date().toString();
        }
        if (t.date() instanceof TargetDate.Month month) {
            return month.month().toString();
        }
        return "ongoing";
    }

    private static String evidence(Evidence e) {
        return e.text() + (e.link() == null ? "" : " — " + e.link()) + (e.location() == null ? "" : " — held: " + e.location());
    }

    private static String followUp(FollowUp f) {
        String target = targetWording(f.target());
        return markdown(f.text()).strip().replaceAll("\n\\s*\n", "\n") + (target.isEmpty() ? "" : " — target: " + target)
                + (f.status() == null ? "" : " — status: " + f.status().label());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void everyRecordEndsInCrlfAndTheTextIsUtf8WithAByteOrderMark(Scope scope) {
        String csv = csv(scope);
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv).endsWith("\r\n");
        // Outside quoted fields, a line break is always CRLF.
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                assertThat(csv.charAt(i - 1)).as("record end at " + i).isEqualTo('\r');
            } else if (!quoted && c == '\r') {
                assertThat(csv.charAt(i + 1)).isEqualTo('\n');
            }
        }
        assertThat(quoted).as("every quote is closed").isFalse();
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithTheirQuotesDoubled() throws IOException {
        Archive archive = TestArchives.withAction(TestArchives.small(), "sample-review", "1.1", a -> new Action(a.ref(),
                new Markdown("Say \"minuted\", then file.\nTwice; weekly."), a.section(), a.owners(), a.target(), a.monitoring(),
                a.frequency(), a.desiredOutcome(), a.successMeasure(), a.evidence(), a.term(), a.status(), a.rag(), a.grade(),
                a.qualityAssuredBy(), a.followUps(), a.note(), a.progress(), a.extraColumns(), a.inherited(), a.state(), a.themes()));
        String csv = CsvRenderer.plan(archive, archive.plans().get(0)).toString();
        assertThat(csv).contains(",\"Say \"\"minuted\"\", then file.\nTwice; weekly.\",");
        List<String> header = new ArrayList<>();
        assertThat(parse(csv, header).get(0).get("Action description")).isEqualTo("Say \"minuted\", then file.\nTwice; weekly.");
    }

    /**
     * A blank line separates two follow-ups and nothing else, so a spreadsheet or script can split the cell: the P plan's
     * follow-ups have paragraphs of their own (19.1's two read as three when they were split on blank lines).
     */
    @Test
    void theFollowUpsCellSplitOnBlankLinesGivesEachFollowUpOnce() throws IOException {
        Archive shipped = TestArchives.shipped();
        Map<String, Action> actions = new LinkedHashMap<>();
        shipped.plans().forEach(plan -> plan.actions().forEach(a -> actions.put(plan.id() + " " + a.ref(), a)));
        List<CSVRecord> rows = parse(CsvRenderer.site(shipped).toString(), new ArrayList<>());
        int withParagraphs = 0;
        for (CSVRecord row : rows) {
            Action action = actions.get(row.get("Plan ID") + " " + row.get("Action"));
            List<String> split = row.get("Follow-ups").isEmpty() ? List.of() : List.of(row.get("Follow-ups").split("\n\n"));
            assertThat(split).as(row.get("Plan ID") + " " + row.get("Action")).hasSize(action.followUps().size());
            if (action.followUps().stream().anyMatch(f -> f.text().source().strip().contains("\n\n"))) {
                withParagraphs++;
            }
        }
        assertThat(withParagraphs).as("follow-ups of more than one paragraph, as the P plan has").isPositive();
    }

    /** The P plan lists NHS England three times, each with its own role, then the Ministry of Justice with none (18.1). */
    @Test
    void eachOwnerRoleAndNameCanBeMatchedToItsOrganisationWhenAnOrganisationIsListedMoreThanOnce() throws IOException {
        Archive shipped = TestArchives.shipped();
        CSVRecord row = parse(CsvRenderer.site(shipped).toString(), new ArrayList<>()).stream()
                .filter(r -> r.get("Plan ID").equals("p-independent-investigation") && r.get("Action").equals("18.1"))
                .findFirst().orElseThrow();

        assertThat(row.get("Owner IDs")).isEqualTo("nhs-england; ministry-of-justice");
        assertThat(row.get("Listed owner IDs").split("; ")).containsExactly("nhs-england", "nhs-england", "nhs-england", "ministry-of-justice");
        String[] roles = row.get("Owner roles").split("; ", -1);
        String[] names = row.get("Owner names").split("; ", -1);
        assertThat(roles).hasSize(4);
        assertThat(names).hasSize(4);
        assertThat(roles[2]).startsWith("Director of Health and Justice");
        assertThat(names[2]).isEqualTo("Kate Davies");
        assertThat(roles[3]).as("the Ministry of Justice's role").isEmpty();
        assertThat(names[3]).isEmpty();
    }

    @Test
    void smallPlanRowsReadAsExpected() throws IOException {
        List<String> header = new ArrayList<>();
        List<CSVRecord> rows = parse(CsvRenderer.plan(TestArchives.small(), TestArchives.small().plans().get(0)).toString(), header);
        CSVRecord done = rows.get(0);
        assertThat(done.get("Action")).isEqualTo("1.1");
        assertThat(done.get("Status")).isEqualTo("Done");
        assertThat(done.get("Lifecycle")).isEqualTo("completed");
        assertThat(done.get("Target date")).isEqualTo("2024-06-30");
        assertThat(done.get("Overdue")).isEqualTo("false");
        assertThat(done.get("Link")).isEqualTo("https://plans.example/plans/sample-review/recommendations/1/#action-1-1");
        CSVRecord late = rows.get(1);
        assertThat(late.get("Target (as published)")).isEqualTo("September 2024");
        assertThat(late.get("Target date")).isEqualTo("2024-09");
        assertThat(late.get("Target deadline")).as("a month target's last day").isEqualTo("2024-09-30");
        assertThat(late.get("Overdue")).isEqualTo("true");
        assertThat(late.get("Not updated recently")).isEqualTo("true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void csvwMetadataDescribesExactlyTheCsvsHeaderAndValues(Scope scope) throws IOException {
        com.fasterxml.jackson.databind.JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metadata(scope));
        assertThat(meta.get("@context").get(0).asText()).isEqualTo("http://www.w3.org/ns/csvw");
        assertThat(meta.get("url").asText()).as("the CSV's name, relative to the metadata beside it").isEqualTo(Routes.CSV);
        for (String property : List.of("dc:title", "dc:description", "dc:language")) {
            assertThat(meta.get(property).asText()).as(property).isNotBlank();
        }
        assertThat(meta.get("dc:publisher").get("schema:name").asText()).isEqualTo(scope.archive().site().publisher());
        assertThat(meta.get("dc:language").asText()).isEqualTo(scope.archive().site().language());
        // list cells end in their separator where the last owner has no role or name published ("Kate Davies; "): kept whole
        assertThat(meta.get("dialect").get("trim").asBoolean(true)).as("cells read as written, not trimmed").isFalse();

        List<String> header = new ArrayList<>();
        List<CSVRecord> rows = parse(csv(scope), header);
        List<String> titles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode column : meta.get("tableSchema").get("columns")) {
            titles.add(column.get("titles").asText());
            names.add(column.get("name").asText());
            assertThat(column.get("dc:description").asText()).as(column.get("name").asText()).isNotBlank();
            assertThat(column.has("datatype")).isTrue();
            String type = column.get("datatype").isTextual() ? column.get("datatype").asText() : column.get("datatype").get("base").asText();
            String format = column.get("datatype").isObject() ? column.get("datatype").get("format").asText() : null;
            boolean required = column.get("required").asBoolean();
            int index = titles.size() - 1;
            for (CSVRecord row : rows) {
                String value = row.get(index);
                if (value.isEmpty()) {
                    assertThat(required).as(names.get(index) + " is required").isFalse();
                    continue;
                }
                switch (type) {
                    case "date" -> LocalDate.parse(value);
                    case "boolean" -> assertThat(value).isIn("true", "false");
                    case "nonNegativeInteger" -> assertThat(Integer.parseInt(value)).isNotNegative();
                    case "anyURI" -> java.net.URI.create(value);
                    case "json" -> assertThat(readJson(value).isObject()).as(names.get(index) + ": " + value).isTrue();
                    default -> assertThat(type).isEqualTo("string");
                }
                if (format != null) {
                    assertThat(value).as(names.get(index)).matches(format);
                }
            }
        }
        assertThat(titles).as("the header row, cell for cell").containsExactlyElementsOf(header);
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z][a-z_]*"));
        // lists that line up item by item (each listed owner's role and name) must stay lists, in order, empty items kept
        for (com.fasterxml.jackson.databind.JsonNode column : meta.get("tableSchema").get("columns")) {
            String name = column.get("name").asText();
            if (List.of("listed_owner_ids", "owner_roles", "owner_names", "from_recommendation", "lead_ids").contains(name)) {
                assertThat(column.path("separator").asText()).as(name).isEqualTo("; ");
                assertThat(column.path("ordered").asBoolean()).as(name + " is ordered").isTrue();
            }
        }
        assertThat(meta.get("tableSchema").get("primaryKey")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactly("plan_id", "action_ref");
    }

    @Test
    void twoRendersAreByteIdenticalWhateverTheMachinesLocaleAndZone() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            List<String> first = everything(TestArchives.shipped());
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(everything(TestArchives.shipped())).isEqualTo(first);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static List<String> everything(Archive archive) {
        List<String> all = new ArrayList<>();
        all.add(CsvRenderer.site(archive).toString());
        all.add(CsvRenderer.siteMetadata(archive));
        archive.plans().forEach(p -> all.add(CsvRenderer.plan(archive, p) + CsvRenderer.planMetadata(archive, p)));
        archive.organisations().forEach(o -> all.add(CsvRenderer.organisation(archive, o) + CsvRenderer.organisationMetadata(archive, o)));
        return all;
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }
}
