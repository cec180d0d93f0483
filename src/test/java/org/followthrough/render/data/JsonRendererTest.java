package org.followthrough.render.data;

import org.followthrough.render.Routes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Recommendation;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.support.TestArchives;
import org.followthrough.support.TestArchives.Located;
import org.followthrough.support.TestArchives.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON downloads: each valid against its published schema, holding every action with its derived state, the same bytes every time. */
class JsonRendererTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Scope> scopes() {
        return TestArchives.scopes();
    }

    static String document(Scope scope) {
        if (scope.isPlan()) {
            return JsonRenderer.plan(scope.archive(), scope.plan());
        }
        if (scope.isOrganisation()) {
            return JsonRenderer.organisation(scope.archive(), scope.organisation());
        }
        return JsonRenderer.site(scope.archive());
    }

    static String schema(Scope scope) {
        if (scope.isPlan()) {
            return JsonSchemaWriter.plan(scope.archive());
        }
        if (scope.isOrganisation()) {
            return JsonSchemaWriter.organisation(scope.archive());
        }
        return JsonSchemaWriter.site(scope.archive());
    }

    static String schemaPath(Scope scope) {
        return scope.isPlan() ? Routes.PLAN_SCHEMA : scope.isOrganisation() ? Routes.ORGANISATION_SCHEMA : Routes.SITE_SCHEMA;
    }

    private static List<Error> validate(String schema, String document) {
        Schema compiled = REGISTRY.getSchema(schema, InputFormat.JSON);
        return compiled.validate(document, InputFormat.JSON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void everyDocumentValidatesAgainstTheSchemaItNames(Scope scope) throws Exception {
        String document = document(scope);
        String schema = schema(scope);
        assertThat(validate(schema, document)).as(scope.toString()).isEmpty();
        String published = scope.archive().site().baseUrl() + schemaPath(scope);
        assertThat(JSON.readTree(document).get("$schema").asText()).isEqualTo(published);
        assertThat(JSON.readTree(schema).get("$id").asText()).isEqualTo(published);
        assertThat(JSON.readTree(schema).get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void everyDocumentHoldsEveryActionOfItsScopeWithItsState(Scope scope) throws Exception {
        JsonNode root = JSON.readTree(document(scope));
        assertThat(root.get("as_of").asText()).isEqualTo(scope.archive().asOf().toString());
        if (scope.isSite()) {
            List<String> plans = new ArrayList<>();
            root.get("plans").forEach(p -> plans.add(p.get("id").asText()));
            assertThat(plans).containsExactlyElementsOf(scope.archive().plans().stream().map(Plan::id).toList());
            List<String> organisations = new ArrayList<>();
            root.get("organisations").forEach(o -> organisations.add(o.get("id").asText()));
            assertThat(organisations).containsExactlyElementsOf(scope.archive().organisations().stream().map(Organisation::id).toList());
            assertThat(root.get("tally").get("total").asInt()).isEqualTo(scope.actions().size());
            return;
        }
        List<JsonNode> actions = new ArrayList<>();
        List<String> planIds = new ArrayList<>();
        if (scope.isPlan()) {
            for (JsonNode r : root.get("plan").get("recommendations")) {
                for (JsonNode a : r.get("actions")) {
                    actions.add(a);
                    planIds.add(root.get("plan").get("id").asText());
                }
            }
        } else {
            for (JsonNode group : root.get("plans")) {
                for (JsonNode a : group.get("actions")) {
                    actions.add(a);
                    planIds.add(group.get("plan").get("id").asText());
                }
            }
        }
        List<Located> expected = scope.actions();
        assertThat(actions).as("every action, in order").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Located located = expected.get(i);
            Action a = located.action();
            JsonNode json = actions.get(i);
            String where = scope + " action " + a.ref();
            assertThat(planIds.get(i)).as(where).isEqualTo(located.plan().id());
            assertThat(json.get("ref").asText()).as(where).isEqualTo(a.ref());
            assertThat(json.get("recommendation_number").asText()).as(where).isEqualTo(located.recommendation().number());
            assertThat(json.get("url").asText()).as(where).isEqualTo(scope.archive().site().baseUrl()
                    + Routes.action(located.plan().id(), located.recommendation().number(), a.ref()));
            assertThat(json.get("owners")).as(where).hasSize(a.owners().size());
            assertThat(json.get("description").isNull() ? null : json.get("description").asText()).as(where)
                    .isEqualTo(a.description() == null ? null : a.description().source().strip());
            if (scope.isOrganisation()) {
                assertThat(json.has("progress")).as(where + ": the history is in the plan's document").isFalse();
            } else {
                assertThat(json.get("evidence")).as(where).hasSize(a.evidence().size());
                assertThat(json.get("follow_ups")).as(where).hasSize(a.followUps().size());
                assertThat(json.get("progress")).as(where).hasSize(a.progress().size());
            }
            for (int u = 0; scope.isPlan() && u < a.progress().size(); u++) {
                ProgressUpdate update = a.progress().get(u);
                JsonNode node = json.get("progress").get(u);
                assertThat(node.get("date").isNull() ? null : node.get("date").asText()).isEqualTo(update.date() == null ? null : update.date().toString());
                assertThat(node.get("text").isNull() ? null : node.get("text").asText())
                        .isEqualTo(update.text() == null ? null : update.text().source().strip());
                assertThat(node.get("changes")).hasSize(a.state().history().get(u).changes().size());
            }
            JsonNode state = json.get("state");
            assertThat(state.get("lifecycle").get("code").asText()).as(where).isEqualTo(a.state().lifecycle().code());
            assertThat(state.get("overdue").asBoolean()).as(where).isEqualTo(a.state().overdue());
            assertThat(state.get("not_updated_recently").asBoolean()).as(where).isEqualTo(a.state().stale());
            assertThat(state.get("status").isNull() ? null : state.get("status").get("code").asText()).as(where)
                    .isEqualTo(a.state().status() == null ? null : a.state().status().code());
            assertThat(state.get("last_updated").isNull() ? null : state.get("last_updated").asText()).as(where)
                    .isEqualTo(a.state().lastUpdated() == null ? null : a.state().lastUpdated().toString());
            if (a.target() != null && a.target().date() != null && a.target().date().deadline() != null) {
                assertThat(json.get("target").get("deadline").asText()).as(where).isEqualTo(a.target().date().deadline().toString());
            }
        }
    }

    @Test
    void planDocumentHoldsThePlansDetailsScalesAndRecommendations() throws Exception {
        Archive archive = TestArchives.shipped();
        for (Plan plan : archive.plans()) {
            JsonNode json = JSON.readTree(JsonRenderer.plan(archive, plan)).get("plan");
            assertThat(json.get("id").asText()).isEqualTo(plan.id());
            assertThat(json.get("title").asText()).isEqualTo(plan.title());
            assertThat(json.get("kind").get("code").asText()).isEqualTo(plan.kind().code());
            assertThat(json.get("organisations")).hasSize(plan.organisations().size());
            assertThat(json.get("updates")).hasSize(plan.updates().size());
            assertThat(json.get("addressed_without_action")).hasSize(plan.addressedWithoutAction().size());
            assertThat(json.get("scales").get("statuses")).hasSize(plan.scales().statuses().entries().size());
            assertThat(json.get("scales").get("grades")).hasSize(plan.scales().grades().entries().size());
            List<String> numbers = new ArrayList<>();
            json.get("recommendations").forEach(r -> numbers.add(r.get("number").asText()));
            assertThat(numbers).containsExactlyElementsOf(plan.recommendations().stream().map(Recommendation::number).toList());
            assertThat(json.get("tally").get("total").asInt()).isEqualTo(plan.tally().total());
            assertThat(json.get("downloads").get("json").asText())
                    .isEqualTo(archive.site().baseUrl() + "plans/" + plan.id() + "/" + Routes.PLAN_JSON);
        }
    }

    /**
     * A plan's page counts the follow-ups past their dates; the data says which they are, so that the count can be made
     * from it. Plan P dates two follow-ups of action 15.1 "31 June 2019" and "31 April 2019": their target has no deadline,
     * as no such day exists, but the months have long ended and the page counts them.
     */
    @Test
    void eachFollowUpSaysWhetherItsDateHasPassedAsThePlansPageCountsIt() throws Exception {
        Archive archive = TestArchives.shipped();
        for (Plan plan : archive.plans()) {
            JsonNode json = JSON.readTree(JsonRenderer.plan(archive, plan)).get("plan");
            List<JsonNode> followUps = new ArrayList<>();
            json.get("recommendations").forEach(r -> r.get("actions").forEach(a -> a.get("follow_ups").forEach(followUps::add)));
            long flagged = followUps.stream().filter(f -> f.get("date_passed").asBoolean()).count();
            long counted = plan.actions().flatMap(a -> a.followUps().stream()).filter(f -> f.datePassed(archive.asOf())).count();
            assertThat(flagged).as(plan.id()).isEqualTo(counted);
        }
        Plan p = archive.plans().stream().filter(plan -> plan.id().equals("p-independent-investigation")).findFirst().orElseThrow();
        JsonNode json = JSON.readTree(JsonRenderer.plan(archive, p)).get("plan");
        List<JsonNode> impossibleDays = new ArrayList<>();
        List<JsonNode> reportedDone = new ArrayList<>();
        json.get("recommendations").forEach(r -> r.get("actions").forEach(a -> a.get("follow_ups").forEach(f -> {
            String wording = f.get("target").isNull() ? "" : f.get("target").get("text").asText();
            if (wording.equals("31 June 2019") || wording.equals("31 April 2019")) {
                impossibleDays.add(f);
            }
            if (!f.get("status").isNull() && List.of("completed", "embedded", "closed").contains(f.get("status").get("lifecycle").asText())) {
                reportedDone.add(f);
            }
        })));
        assertThat(impossibleDays).hasSize(2).allSatisfy(f -> {
            assertThat(f.get("target").get("deadline").isNull()).isTrue();
            assertThat(f.get("date_passed").asBoolean()).isTrue();
        });
        assertThat(reportedDone).isNotEmpty().allSatisfy(f -> assertThat(f.get("date_passed").asBoolean()).isFalse());
        long passed = json.get("recommendations").findValues("follow_ups").stream()
                .flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
                .filter(f -> f.get("date_passed").asBoolean()).count();
        assertThat(passed).as("the 34 follow-ups past their dates that the plan's page counts").isEqualTo(34);
    }

    /**
     * The list of plans orders them by their last dated update and gives its date ("Last update published"): the site's
     * and each plan's document give it too, so that plans not updated within the site's limit can be found from the data.
     * Plan P's last update is its review of 28 November 2018; the 2022 update plan's, its publication of 16 August 2022,
     * a day after the progress it reports; three plans date none of their updates.
     */
    @Test
    void siteAndPlanDocumentsGiveEachPlansLastDatedUpdateAsTheListOfPlansDoes() throws Exception {
        Archive archive = TestArchives.shipped();
        JsonNode site = JSON.readTree(JsonRenderer.site(archive));
        java.util.Map<String, String> lastUpdates = new java.util.TreeMap<>();
        site.get("plans").forEach(p -> lastUpdates.put(p.get("id").asText(), p.get("last_update").isNull() ? null : p.get("last_update").asText()));
        assertThat(lastUpdates).containsEntry("p-independent-investigation", "2018-11-28").containsEntry("x-update-2022", "2022-08-16")
                .containsEntry("eput-e203623", null).containsEntry("kmpt-mr-s", null).containsEntry("bdhr-2011-12-03", null);
        for (Plan plan : archive.plans()) {
            JsonNode json = JSON.readTree(JsonRenderer.plan(archive, plan)).get("plan");
            java.time.LocalDate shown = plan.lastUpdate(archive.asOf());
            assertThat(json.get("last_update").isNull() ? null : json.get("last_update").asText()).as(plan.id())
                    .isEqualTo(shown == null ? null : shown.toString()).isEqualTo(lastUpdates.get(plan.id()));
        }
    }

    /**
     * The data says what the list of plans narrows by: EPUT's target completion (30 January 2026) has passed, which
     * puts it among the plans past their completion, and the follow-ups past their dates that each plan's page counts
     * (34 of P's, as at the shipped content's date) are counted in the data too, worked out here from the follow-ups.
     */
    @Test
    void siteAndPlanDocumentsSayWhetherTheTargetCompletionPassedAndHowManyFollowUpsArePastTheirDates() throws Exception {
        Archive archive = TestArchives.shipped();
        JsonNode site = JSON.readTree(JsonRenderer.site(archive));
        java.util.Map<String, Boolean> passed = new java.util.TreeMap<>();
        java.util.Map<String, Integer> followUps = new java.util.TreeMap<>();
        site.get("plans").forEach(p -> {
            passed.put(p.get("id").asText(), p.get("target_completion_passed").asBoolean());
            followUps.put(p.get("id").asText(), p.get("follow_ups_past_their_dates").asInt());
        });
        assertThat(passed).containsEntry("eput-e203623", true).containsEntry("p-independent-investigation", false);
        assertThat(followUps.get("p-independent-investigation")).isPositive();
        for (Plan plan : archive.plans()) {
            long expected = plan.recommendations().stream().flatMap(r -> r.actions().stream()).flatMap(a -> a.followUps().stream())
                    .filter(f -> f.status() == null || f.status().lifecycle() == null || !f.status().lifecycle().isDone())
                    .filter(f -> f.target() != null && (f.target().date() != null && f.target().date().deadline() != null
                            && f.target().date().deadline().isBefore(archive.asOf())
                            // "31 June 2019" names no day, but its month has ended
                            || f.target().monthOfImpossibleDay() != null && f.target().monthOfImpossibleDay().atEndOfMonth().isBefore(archive.asOf())))
                    .count();
            JsonNode json = JSON.readTree(JsonRenderer.plan(archive, plan)).get("plan");
            assertThat(json.get("follow_ups_past_their_dates").asInt()).as(plan.id()).isEqualTo(expected).isEqualTo(followUps.get(plan.id()));
            assertThat(json.get("target_completion_passed").asBoolean()).as(plan.id()).isEqualTo(passed.get(plan.id()));
        }
    }

    @Test
    void siteDocumentLinksToEachPlansAndOrganisationsOwnDownloads() throws Exception {
        Archive archive = TestArchives.small();
        JsonNode root = JSON.readTree(JsonRenderer.site(archive));
        JsonNode plan = root.get("plans").get(0);
        assertThat(plan.get("downloads").get("json").asText()).isEqualTo("https://plans.example/plans/sample-review/plan.json");
        assertThat(plan.get("downloads").get("csv").asText()).isEqualTo("https://plans.example/plans/sample-review/actions.csv");
        assertThat(plan.get("downloads").get("atom").asText()).isEqualTo("https://plans.example/plans/sample-review/progress.xml");
        assertThat(plan.get("downloads").get("pdf").asText()).isEqualTo("https://plans.example/plans/sample-review/summary.pdf");
        assertThat(plan.get("downloads").get("ics").asText()).isEqualTo("https://plans.example/plans/sample-review/targets.ics");
        JsonNode trust = root.get("organisations").get(0);
        assertThat(trust.get("id").asText()).isEqualTo("sample-trust");
        assertThat(trust.get("actions_owned").asInt()).isEqualTo(1);
        assertThat(trust.get("downloads").get("json").asText()).isEqualTo("https://plans.example/organisations/sample-trust/organisation.json");
        assertThat(root.get("downloads").get("csv").asText()).isEqualTo("https://plans.example/data/actions.csv");
    }

    @Test
    void downloadsThatAreNotPublishedAreNullNotLinks() throws Exception {
        // no action with a dated target, and no date for the plan's completion: no calendar is published for the plan, its
        // owners or the site
        Archive undatedActions = TestArchives.mapActions(TestArchives.small(), (plan, a) -> new Action(a.ref(), a.description(), a.section(),
                a.owners(), null, a.monitoring(), a.frequency(), a.desiredOutcome(), a.successMeasure(), a.evidence(), a.term(),
                a.status(), a.rag(), a.grade(), a.qualityAssuredBy(), List.of(), a.note(), a.progress(), a.extraColumns(),
                a.inherited(), a.state(), a.themes()));
        // the plan's target completion alone is an event: its calendar, its owners' and the site's are published
        JsonNode completionOnly = JSON.readTree(JsonRenderer.site(undatedActions));
        assertThat(completionOnly.get("downloads").get("ics").asText()).endsWith("/data/targets.ics");
        assertThat(completionOnly.get("plans").get(0).get("downloads").get("ics").asText()).endsWith("/plans/sample-review/targets.ics");
        assertThat(JSON.readTree(JsonRenderer.organisation(undatedActions, undatedActions.organisation("sample-trust").orElseThrow()))
                .get("organisation").get("downloads").get("ics").asText()).endsWith("/organisations/sample-trust/targets.ics");
        Archive undated = TestArchives.withTargetCompletion(undatedActions, "sample-review", null);
        JsonNode site = JSON.readTree(JsonRenderer.site(undated));
        assertThat(site.get("downloads").get("ics").isNull()).isTrue();
        assertThat(site.get("plans").get(0).get("downloads").get("ics").isNull()).isTrue();
        assertThat(site.get("plans").get(0).get("downloads").get("csv").asText()).endsWith("/plans/sample-review/actions.csv");
        JsonNode plan = JSON.readTree(JsonRenderer.plan(undated, undated.plans().get(0)));
        assertThat(plan.get("plan").get("downloads").get("ics").isNull()).isTrue();
        JsonNode owner = JSON.readTree(JsonRenderer.organisation(undated, undated.organisation("sample-trust").orElseThrow()));
        assertThat(owner.get("organisation").get("downloads").get("ics").isNull()).isTrue();
        assertThat(owner.get("organisation").get("downloads").get("json_feed").asText())
                .isEqualTo("https://plans.example/organisations/sample-trust/progress.json");

        // an organisation that owns no action has a page and its JSON document (what it leads, the plans naming it), nothing else
        Archive shipped = TestArchives.shipped();
        JsonNode organisations = JSON.readTree(JsonRenderer.site(shipped)).get("organisations");
        List<JsonNode> ownNothing = new ArrayList<>();
        organisations.forEach(o -> {
            if (o.get("actions_owned").asInt() == 0) {
                ownNothing.add(o);
            }
        });
        assertThat(ownNothing).as("the shipped content names organisations that own no action").isNotEmpty();
        for (JsonNode o : ownNothing) {
            JsonNode downloads = o.get("downloads");
            assertThat(downloads.get("page").asText()).endsWith("/organisations/" + o.get("id").asText() + "/");
            assertThat(downloads.get("json").asText()).endsWith("/organisations/" + o.get("id").asText() + "/organisation.json");
            for (String file : List.of("pdf", "csv", "csv_metadata", "atom", "json_feed", "ics")) {
                assertThat(downloads.get(file).isNull()).as("%s of %s", file, o.get("id")).isTrue();
            }
        }
    }

    @Test
    void schemaRejectsAKeyItDoesNotDescribeAndAMissingOne() throws Exception {
        Archive archive = TestArchives.small();
        ObjectNode document = (ObjectNode) JSON.readTree(JsonRenderer.plan(archive, archive.plans().get(0)));
        ObjectNode action = (ObjectNode) document.get("plan").get("recommendations").get(0).get("actions").get(0);
        action.put("colour", "green");
        assertThat(validate(JsonSchemaWriter.plan(archive), JSON.writeValueAsString(document))).isNotEmpty();
        action.remove("colour");
        assertThat(validate(JsonSchemaWriter.plan(archive), JSON.writeValueAsString(document))).isEmpty();
        ((ObjectNode) action.get("state")).remove("overdue");
        assertThat(validate(JsonSchemaWriter.plan(archive), JSON.writeValueAsString(document))).isNotEmpty();
    }

    @Test
    void keysComeInAFixedOrderAndAbsentValuesAreNull() throws Exception {
        Archive archive = TestArchives.small();
        JsonNode root = JSON.readTree(JsonRenderer.plan(archive, archive.plans().get(0)));
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("$schema", "as_of", "site", "plan");
        assertThat(root.get("$schema").asText()).isEqualTo("https://plans.example/schema/plan-data.schema.json");
        assertThat(root.get("as_of").asText()).isEqualTo("2026-11-23");
        assertThat(root.get("plan").get("kind_as_published").isNull()).isTrue();
    }

    /** The data files are many and large: written compactly, on one line, which tools lay out for reading. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void documentsAreWrittenCompactlyOnOneLine(Scope scope) {
        String document = document(scope);
        assertThat(document).endsWith("}\n");
        assertThat(document.strip()).doesNotContain("\n").doesNotContain("\" : ");
    }

    /** An organisation's document gives each action in brief, and links each plan's document, which has the rest. */
    @Test
    void anOrganisationsActionsAreInBriefWithTheirPlansDocumentForTheirHistory() throws Exception {
        Archive archive = TestArchives.shipped();
        for (Organisation organisation : archive.organisations()) {
            JsonNode root = JSON.readTree(JsonRenderer.organisation(archive, organisation));
            for (JsonNode group : root.get("plans")) {
                String planId = group.get("plan").get("id").asText();
                assertThat(group.get("plan").get("downloads").get("json").asText())
                        .isEqualTo(archive.site().baseUrl() + Routes.plan(planId) + Routes.PLAN_JSON);
                JsonNode plan = JSON.readTree(JsonRenderer.plan(archive, archive.plans().stream().filter(p -> p.id().equals(planId)).findFirst().orElseThrow()));
                for (JsonNode brief : group.get("actions")) {
                    JsonNode full = null;
                    for (JsonNode r : plan.get("plan").get("recommendations")) {
                        for (JsonNode a : r.get("actions")) {
                            if (a.get("ref").asText().equals(brief.get("ref").asText())) {
                                full = a;
                            }
                        }
                    }
                    assertThat(full).as(planId + " " + brief.get("ref")).isNotNull();
                    List<String> fields = new ArrayList<>();
                    brief.fieldNames().forEachRemaining(fields::add);
                    assertThat(fields).containsExactly("ref", "recommendation_number", "url", "section", "description", "owners", "target", "state");
                    for (String field : fields) {
                        assertThat(brief.get(field)).as(planId + " " + brief.get("ref") + " " + field).isEqualTo(full.get(field));
                    }
                }
            }
        }
    }

    /**
     * An organisation's document lists the recommendations it leads, as its page does, though it may own none of their
     * actions: in P, NHS England leads recommendations whose actions others own.
     */
    @Test
    void anOrganisationsDocumentListsTheRecommendationsItLeads() throws Exception {
        Archive archive = TestArchives.shipped();
        assertThat(organisationsListingWhatNamesThem(archive, "leads", Recommendation::lead)).as("organisations leading a recommendation")
                .isGreaterThan(3);
        JsonNode england = JSON.readTree(JsonRenderer.organisation(archive, archive.organisation("nhs-england").orElseThrow()));
        assertThat(england.get("leads").get(0).get("plan").get("id").asText()).isNotEmpty();
    }

    /**
     * An organisation's document lists the recommendations it oversees, as its page does, each with its actions counted: in P,
     * NHS England oversees thirteen recommendations, the seventh with one of its two actions overdue.
     */
    @Test
    void anOrganisationsDocumentListsTheRecommendationsItOverseesWithTheirActionsCounted() throws Exception {
        Archive archive = TestArchives.shipped();
        assertThat(organisationsListingWhatNamesThem(archive, "oversees", Recommendation::oversightBy)).as("oversight bodies")
                .isGreaterThan(3);
        JsonNode seventh = JSON.readTree(JsonRenderer.organisation(archive, archive.organisation("nhs-england").orElseThrow()))
                .get("oversees").get(0);
        assertThat(seventh.get("number").asText()).isEqualTo("7");
        assertThat(seventh.get("tally").get("total").asInt()).isEqualTo(2);
        assertThat(seventh.get("tally").get("overdue").asInt()).isEqualTo(1);
    }

    /**
     * Checks that each organisation's document lists under {@code field} the addresses of exactly the recommendations that name
     * it in {@code role}, in plan order; returns how many organisations have any.
     */
    private static int organisationsListingWhatNamesThem(Archive archive, String field,
                                                         java.util.function.Function<Recommendation, List<String>> role) throws Exception {
        int named = 0;
        for (Organisation organisation : archive.organisations()) {
            List<String> expected = new ArrayList<>();
            archive.plans().forEach(p -> p.recommendations().stream().filter(r -> role.apply(r).contains(organisation.id()))
                    .forEach(r -> expected.add(archive.site().baseUrl() + Routes.recommendation(p.id(), r.number()))));
            List<String> listed = new ArrayList<>();
            JSON.readTree(JsonRenderer.organisation(archive, organisation)).get(field).forEach(l -> listed.add(l.get("url").asText()));
            assertThat(listed).as(organisation.id()).containsExactlyElementsOf(expected);
            named += expected.isEmpty() ? 0 : 1;
        }
        return named;
    }

    /**
     * An organisation's document counts the follow-ups to its actions past their dates, in all and in each plan, which its
     * tally leaves out, and says of each plan whether its target completion has passed.
     */
    @Test
    void anOrganisationsDocumentCountsTheFollowUpsToItsActionsPastTheirDates() throws Exception {
        Archive archive = TestArchives.shipped();
        Plan p = archive.plans().stream().filter(plan -> plan.id().equals("p-independent-investigation")).findFirst().orElseThrow();
        int passed = Plan.followUpsPassed(p.actions().filter(a -> a.isOwnedBy("nhs-england")).toList(), archive.asOf());
        JsonNode england = JSON.readTree(JsonRenderer.organisation(archive, archive.organisation("nhs-england").orElseThrow()));
        JsonNode inP = null;
        int sum = 0;
        for (JsonNode group : england.get("plans")) {
            sum += group.get("follow_ups_past_their_dates").asInt();
            inP = group.get("plan").get("id").asText().equals(p.id()) ? group : inP;
        }
        assertThat(inP.get("follow_ups_past_their_dates").asInt()).isEqualTo(passed).isPositive();
        assertThat(england.get("follow_ups_past_their_dates").asInt()).isEqualTo(sum);
        JsonNode eput = JSON.readTree(JsonRenderer.organisation(archive, archive.organisation("eput").orElseThrow()));
        assertThat(eput.get("plans").get(0).get("target_completion_passed").asBoolean()).isTrue();
        // with the date it passed, as the plan's own document gives it; a plan that gives none has none
        assertThat(eput.get("plans").get(0).get("target_completion"))
                .isEqualTo(JSON.readTree(JsonRenderer.plan(archive, archive.plans().stream()
                        .filter(plan -> plan.id().equals("eput-e203623")).findFirst().orElseThrow())).get("plan").get("target_completion"));
        assertThat(eput.get("plans").get(0).get("target_completion").get("date").asText()).isEqualTo("2026-01-30");
        assertThat(inP.has("target_completion") && !inP.get("target_completion").isNull()).isFalse();
    }

    /** An organisation's document lists the plans it commissioned and investigated, each in brief with its actions counted. */
    @Test
    void anOrganisationsDocumentListsThePlansItCommissionedOrInvestigated() throws Exception {
        Archive archive = TestArchives.shipped();
        JsonNode partnership = JSON.readTree(JsonRenderer.organisation(archive,
                archive.organisation("birmingham-community-safety-partnership").orElseThrow()));
        assertThat(partnership.get("commissioned")).singleElement().satisfies(plan -> {
            assertThat(plan.get("id").asText()).isEqualTo("bdhr-2011-12-03");
            assertThat(plan.get("tally").get("total").asInt()).isEqualTo(13);
        });
        JsonNode niche = JSON.readTree(JsonRenderer.organisation(archive, archive.organisation("niche").orElseThrow()));
        List<String> investigated = new ArrayList<>();
        niche.get("investigated").forEach(p -> investigated.add(p.get("id").asText()));
        assertThat(investigated).containsExactlyElementsOf(archive.plans().stream().filter(p -> p.investigatedBy().contains("niche"))
                .map(Plan::id).toList()).hasSize(2);
    }

    /**
     * The site's data counts each organisation's actions by state, as each organisation's own document and the list of
     * organisations do, so that one file answers for every organisation what otherwise took one download each.
     */
    @Test
    void theSitesDataCountsEachOrganisationsActionsAsItsOwnDocumentDoes() throws Exception {
        Archive archive = TestArchives.shipped();
        JsonNode site = JSON.readTree(JsonRenderer.site(archive));
        int owning = 0;
        for (JsonNode listed : site.get("organisations")) {
            Organisation organisation = archive.organisation(listed.get("id").asText()).orElseThrow();
            JsonNode own = JSON.readTree(JsonRenderer.organisation(archive, organisation));
            assertThat(listed.get("tally")).as(organisation.id()).isEqualTo(own.get("tally"));
            assertThat(listed.get("tally").get("total").asInt()).as(organisation.id()).isEqualTo(listed.get("actions_owned").asInt());
            owning += listed.get("actions_owned").asInt() > 0 ? 1 : 0;
        }
        assertThat(owning).as("organisations owning actions").isGreaterThan(10);
    }

    /**
     * On an organisation's own site, which holds only the recommendations whose actions it owns, its document lists none it
     * leads, oversees, commissioned or investigated, as its page lists none: their counts there would be of its part alone.
     */
    @Test
    void anOrganisationsOwnSiteListsNothingItLeadsOverseesCommissionedOrInvestigated() throws Exception {
        Archive archive = TestArchives.shipped();
        Organisation england = archive.organisation("nhs-england").orElseThrow();
        JsonNode whole = JSON.readTree(JsonRenderer.organisation(archive, england));
        assertThat(whole.get("oversees")).isNotEmpty();
        assertThat(whole.get("commissioned")).isNotEmpty();

        JsonNode own = JSON.readTree(JsonRenderer.organisation(org.followthrough.assemble.OrganisationScope.scope(archive, england, null), england));
        for (String field : List.of("leads", "oversees", "commissioned", "investigated")) {
            assertThat(own.get(field)).as(field).isEmpty();
        }
    }

    @Test
    void twoRendersAreByteIdentical() {
        Archive archive = TestArchives.shipped();
        for (Plan plan : archive.plans()) {
            assertThat(JsonRenderer.plan(archive, plan)).isEqualTo(JsonRenderer.plan(archive, plan));
        }
        for (Organisation organisation : archive.organisations()) {
            assertThat(JsonRenderer.organisation(archive, organisation)).isEqualTo(JsonRenderer.organisation(archive, organisation));
        }
        assertThat(JsonRenderer.site(archive)).isEqualTo(JsonRenderer.site(archive));
        assertThat(JsonSchemaWriter.plan(archive)).isEqualTo(JsonSchemaWriter.plan(archive));
    }
}
