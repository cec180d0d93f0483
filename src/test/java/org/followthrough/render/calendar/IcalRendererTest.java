package org.followthrough.render.calendar;

import org.followthrough.render.Routes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.FollowUp;
import org.followthrough.model.Markdown;
import org.followthrough.model.Plan;
import org.followthrough.model.Target;
import org.followthrough.render.view.ViewFactory;
import org.followthrough.support.TestArchives;
import org.followthrough.support.TestArchives.Located;
import org.followthrough.support.TestArchives.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The target calendars: RFC 5545 that ical4j reads back, one all-day event per dated target on its deadline, the same bytes every time. */
class IcalRendererTest {

    static Stream<Scope> scopes() {
        return TestArchives.scopes();
    }

    static String ics(Scope scope) {
        if (scope.isPlan()) {
            return IcalRenderer.plan(scope.archive(), scope.plan()).toString();
        }
        if (scope.isOrganisation()) {
            return IcalRenderer.organisation(scope.archive(), scope.organisation()).toString();
        }
        return IcalRenderer.site(scope.archive()).toString();
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer component, String property) {
        return component.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    /** The events the scope must have, by UID, with their day, worked out from the model alone. */
    private static Map<String, LocalDate> expectedEvents(Scope scope) {
        Map<String, LocalDate> events = new LinkedHashMap<>();
        String host = java.net.URI.create(scope.archive().site().baseUrl()).getHost();
        String plan = null;
        for (Located located : completions(scope)) {
            if (located.action() == null || !located.plan().id().equals(plan)) {
                plan = located.plan().id();
                // a plan's target completion, where it names a date, comes before its actions
                LocalDate completion = located.plan().targetCompletion() == null || located.plan().targetCompletion().date() == null
                        ? null : located.plan().targetCompletion().date().deadline();
                if (completion != null) {
                    // an owner's is an event of its own, as it counts only the owner's actions
                    String owner = scope.isOrganisation() ? "." + scope.organisation().id() : "";
                    events.put("plan-" + plan + "-target-completion" + owner + "@" + host, completion);
                }
            }
            if (located.action() == null) {
                continue;
            }
            Action a = located.action();
            String ref = java.net.URLEncoder.encode(a.ref(), StandardCharsets.UTF_8).replace("-", "%2D").replace("*", "%2A");
            if (a.target() != null && a.target().date() != null && a.target().date().deadline() != null) {
                events.put("action-" + located.plan().id() + "-" + ref + "@" + host, a.target().date().deadline());
            }
            for (int i = 0; i < a.followUps().size(); i++) {
                FollowUp f = a.followUps().get(i);
                if (f.target() != null && f.target().date() != null && f.target().date().deadline() != null) {
                    events.put("follow-up-" + located.plan().id() + "-" + ref + "-" + IcalRenderer.followUpKey(a, i) + "@" + host,
                            f.target().date().deadline());
                }
            }
        }
        return events;
    }

    /**
     * The scope's actions, and a stand-in without an action for a plan with none: a plan's events are shown by its own
     * calendar and the site's whether or not it has actions, and by an organisation's only where it owns one of them.
     */
    private static List<Located> completions(Scope scope) {
        List<Located> all = new ArrayList<>();
        List<Located> actions = scope.actions();
        for (Plan p : scope.archive().plans()) {
            List<Located> its = actions.stream().filter(l -> l.plan().id().equals(p.id())).toList();
            if (its.isEmpty() && (scope.isSite() || scope.isPlan() && p.id().equals(scope.plan().id()))) {
                all.add(new Located(p, null, null));
            }
            all.addAll(its);
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void everyCalendarParsesWithOneAllDayEventPerDatedTargetOnItsDeadline(Scope scope) throws Exception {
        Calendar calendar = parse(ics(scope));
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(value(calendar, "PRODID")).isEqualTo(IcalRenderer.PRODID);
        assertThat(value(calendar, "CALSCALE")).isEqualTo("GREGORIAN");
        List<VEvent> events = calendar.getComponents("VEVENT");
        Map<String, LocalDate> expected = expectedEvents(scope);
        Map<String, LocalDate> actual = new LinkedHashMap<>();
        for (VEvent event : events) {
            DtStart<?> start = event.getDateTimeStart();
            assertThat(start.getDate()).as("an all-day event (VALUE=DATE)").isInstanceOf(LocalDate.class);
            assertThat(actual.put(value(event, "UID"), (LocalDate) start.getDate())).as("unique UID").isNull();
            assertThat(value(event, "DTSTAMP")).isEqualTo(scope.archive().asOf().toString().replace("-", "") + "T000000Z");
            assertThat(value(event, "SUMMARY")).matches("(Follow-up target|Target): Action .+ – .+|Target completion: .+");
            assertThat(value(event, "URL")).startsWith(scope.archive().site().baseUrl() + "plans/");
            assertThat(value(event, "DESCRIPTION")).containsPattern("(Target as published|were to be complete, as published): ")
                    .contains(value(event, "URL"));
            assertThat(value(event, "STATUS")).isIn("CONFIRMED", "CANCELLED");
            assertThat(value(event, "CATEGORIES")).isNotBlank();
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        if (!events.isEmpty()) {
            // RFC 5545 asks for at least one component, so only a calendar with events can pass ical4j's own validation.
            assertThat(calendar.validate().getEntries()).as("ical4j validation").isEmpty();
        }
    }

    /** A reader who follows the calendar learns what the page flags: overdue, a target passed without a status, a follow-up's date passed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void eventsCarryTheFlagsThePagesShow(Scope scope) throws Exception {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (VEvent event : parse(ics(scope)).<VEvent>getComponents("VEVENT")) {
            flags.put(value(event, "UID"), List.of(value(event, "CATEGORIES").split(",")));
        }
        String host = java.net.URI.create(scope.archive().site().baseUrl()).getHost();
        LocalDate asOf = scope.archive().asOf();
        // a plan's target completion: passed while any of the calendar's actions of the plan is open, as the plan's page says
        for (Plan p : scope.archive().plans()) {
            String owner = scope.isOrganisation() ? "." + scope.organisation().id() : "";
            List<String> completion = flags.get("plan-" + p.id() + "-target-completion" + owner + "@" + host);
            if (completion != null) {
                long open = scope.actions().stream().filter(l -> l.plan().id().equals(p.id()))
                        .filter(l -> !l.action().state().lifecycle().isDone()).count();
                assertThat(completion.contains("Target completion passed")).as(p.id() + " target completion passed")
                        .isEqualTo(p.targetCompletionPassed(asOf) && open > 0);
            }
        }
        for (Located located : scope.actions()) {
            Action a = located.action();
            String ref = java.net.URLEncoder.encode(a.ref(), StandardCharsets.UTF_8).replace("-", "%2D").replace("*", "%2A");
            List<String> action = flags.get("action-" + located.plan().id() + "-" + ref + "@" + host);
            if (action != null) {
                assertThat(action.contains("Overdue")).as(a.ref() + " overdue").isEqualTo(a.state().overdue());
                assertThat(action.contains("Target date passed")).as(a.ref() + " target passed, no status")
                        .isEqualTo(a.state().targetPassedWithoutStatus());
            }
            for (int i = 0; i < a.followUps().size(); i++) {
                List<String> followUp = flags.get("follow-up-" + located.plan().id() + "-" + ref + "-" + IcalRenderer.followUpKey(a, i) + "@" + host);
                if (followUp != null) {
                    assertThat(followUp.contains("Date passed")).as(a.ref() + " follow-up " + (i + 1))
                            .isEqualTo(a.followUps().get(i).datePassed(asOf));
                }
            }
        }
    }

    /** The shipped plans have each flag: P's follow-ups past their dates, and targets passed where no status was published. */
    @Test
    void theShippedCalendarHoldsEveryKindOfFlag() throws Exception {
        List<String> categories = new ArrayList<>();
        for (VEvent event : parse(IcalRenderer.site(TestArchives.shipped()).toString()).<VEvent>getComponents("VEVENT")) {
            categories.addAll(List.of(value(event, "CATEGORIES").split(",")));
        }
        assertThat(categories).contains("Overdue", "Target date passed", "Date passed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void linesEndInCrlfAndAreFoldedAtSeventyFiveOctets(Scope scope) {
        String ics = ics(scope);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        // Unfolding gives back whole characters: no UTF-8 sequence was split.
        String unfolded = ics.replace("\r\n ", "");
        assertThat(new String(unfolded.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(unfolded);
    }

    /**
     * The small plan was to be complete by May 2025 ("Spring 2025"), with one of its two actions still open: its calendar says
     * so first, on the month's last day, as its page flags it; an owner's calendar counts the actions it owns.
     */
    @Test
    void aPlansTargetCompletionIsAnEventBeforeItsActions() throws Exception {
        Archive archive = TestArchives.small();
        Plan plan = archive.plans().get(0);
        VEvent completion = parse(IcalRenderer.plan(archive, plan).toString()).<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(completion, "UID")).isEqualTo("plan-sample-review-target-completion@plans.example");
        assertThat(value(completion, "SUMMARY")).isEqualTo("Target completion: SAMPLE/01");
        assertThat((LocalDate) completion.getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(value(completion, "URL")).isEqualTo("https://plans.example/plans/sample-review/");
        assertThat(value(completion, "DESCRIPTION")).isEqualTo("The date by which all the plan's actions were to be complete, as"
                + " published: Spring 2025\nActions of the plan: 2, 1 of them still open (target completion passed)\n\n"
                + "https://plans.example/plans/sample-review/");
        assertThat(value(completion, "CATEGORIES")).isEqualTo("Plan target completion,Target completion passed");
        assertThat(value(completion, "STATUS")).isEqualTo("CONFIRMED");

        // not passed on a day before it, and no event where the plan gives no date for it
        Archive before = new Archive(archive.site(), LocalDate.of(2025, 5, 30), archive.organisations(), archive.plans());
        assertThat(value(parse(IcalRenderer.plan(before, plan).toString()).<VEvent>getComponents("VEVENT").get(0), "CATEGORIES"))
                .isEqualTo("Plan target completion");
        Archive undated = TestArchives.withTargetCompletion(archive, "sample-review", null);
        assertThat(IcalRenderer.plan(undated, undated.plans().get(0)).toString()).doesNotContain("target-completion");

        // an owner's calendar counts the actions it owns, and has an event of its own for that: the trust's one action is done
        VEvent trusts = parse(IcalRenderer.organisation(archive, archive.organisation("sample-trust").orElseThrow()).toString())
                .<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(trusts, "UID")).isEqualTo("plan-sample-review-target-completion.sample-trust@plans.example");
        assertThat(value(trusts, "DESCRIPTION")).contains("\nActions Sample NHS Foundation Trust owns in it: 1, none of them still open\n");
        assertThat(value(trusts, "CATEGORIES")).isEqualTo("Plan target completion");
        assertThat((LocalDate) trusts.getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2025, 5, 31));
    }

    /** A plan that publishes no actions yet still has its target completion in its calendar and the site's, saying so. */
    @Test
    void aPlanWithoutActionsHasItsTargetCompletionAlone() throws Exception {
        Archive withEmpty = TestArchives.withRecommendations(TestArchives.small(), "sample-review", List.of());
        Plan empty = withEmpty.plans().get(0);
        for (String ics : List.of(IcalRenderer.plan(withEmpty, empty).toString(), IcalRenderer.site(withEmpty).toString())) {
            List<VEvent> events = parse(ics).getComponents("VEVENT");
            assertThat(events).hasSize(1);
            assertThat(value(events.get(0), "UID")).isEqualTo("plan-sample-review-target-completion@plans.example");
            assertThat(value(events.get(0), "DESCRIPTION")).contains("\nThe plan publishes no actions.\n");
            assertThat(value(events.get(0), "CATEGORIES")).isEqualTo("Plan target completion");
        }
        assertThat(IcalRenderer.hasEvent(empty)).isTrue();
    }

    @Test
    void actionEventsSayTheTargetStatusAndLink() throws Exception {
        Archive archive = TestArchives.small();
        List<VEvent> events = parse(IcalRenderer.plan(archive, archive.plans().get(0)).toString()).getComponents("VEVENT");
        assertThat(events).hasSize(3);
        VEvent late = events.get(2);
        assertThat(value(late, "UID")).isEqualTo("action-sample-review-1.2@plans.example");
        assertThat(value(late, "SUMMARY")).isEqualTo("Target: Action 1.2 – SAMPLE/01");
        assertThat((LocalDate) late.getDateTimeStart().getDate()).as("a month target falls on its last day")
                .isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(value(late, "DESCRIPTION")).contains("Target as published: September 2024").contains("Status: Open (overdue)")
                .contains("https://plans.example/plans/sample-review/recommendations/1/#action-1-2");
        assertThat(value(late, "URL")).isEqualTo("https://plans.example/" + Routes.action("sample-review", "1", "1.2"));
        assertThat(value(late, "CATEGORIES")).isEqualTo("In progress,Overdue");
    }

    /** As the pages' lists say it: once "Status: not published", not "Status: Status not published". */
    @Test
    void anActionWithNoStatusPublishedSaysSoOnce() throws Exception {
        Archive archive = TestArchives.shipped();
        List<VEvent> unstated = parse(IcalRenderer.site(archive).toString()).<VEvent>getComponents("VEVENT").stream()
                .filter(e -> value(e, "CATEGORIES").startsWith("Status not published")).toList();
        assertThat(unstated).isNotEmpty().allSatisfy(e -> assertThat(value(e, "DESCRIPTION"))
                .containsPattern("Status: not published( \\(target date passed; no status published\\))?\n")
                .doesNotContainIgnoringCase("Status: status"));
    }

    @Test
    void textIsEscapedAndLongLinesFoldWithoutSplittingCharacters() throws Exception {
        String description = "Commas, semicolons; back\\slashes and a line\nbreak. " + "Ünïcödé – “quoted” ".repeat(8);
        Archive archive = TestArchives.withAction(TestArchives.small(), "sample-review", "1.1", a -> new Action(a.ref(),
                new Markdown(description), a.section(), a.owners(), a.target(), a.monitoring(), a.frequency(), a.desiredOutcome(),
                a.successMeasure(), a.evidence(), a.term(), a.status(), a.rag(), a.grade(), a.qualityAssuredBy(), a.followUps(),
                a.note(), a.progress(), a.extraColumns(), a.inherited(), a.state(), a.themes()));
        String ics = IcalRenderer.plan(archive, archive.plans().get(0)).toString();
        assertThat(ics.replace("\r\n ", "")).contains("Commas\\, semicolons\\; back\\\\slashes and a line\\nbreak.");
        VEvent event = parse(ics).<VEvent>getComponents("VEVENT").stream()
                .filter(e -> value(e, "UID").startsWith("action-sample-review-1.1@")).findFirst().orElseThrow();
        assertThat(value(event, "DESCRIPTION")).contains(description.strip());
    }

    @Test
    void aFollowUpAddedBeforeAnActionsOthersLeavesTheirEventsAsTheyWere() throws Exception {
        Archive archive = TestArchives.shipped();
        Located dated = new Scope("shipped", archive, null, null).actions().stream()
                .filter(l -> l.action().followUps().stream().filter(f -> f.target() != null && f.target().date() != null).count() >= 2)
                .findFirst().orElseThrow();
        Plan plan = dated.plan();
        Action a = dated.action();
        List<FollowUp> followUps = new ArrayList<>(a.followUps());
        Target due = followUps.stream().map(FollowUp::target).filter(t -> t != null && t.date() != null).findFirst().orElseThrow();
        followUps.add(0, new FollowUp(new Markdown("A follow-up the plan's next update puts first."), due, null));
        Archive added = TestArchives.withAction(archive, plan.id(), a.ref(), x -> new Action(x.ref(), x.description(), x.section(),
                x.owners(), x.target(), x.monitoring(), x.frequency(), x.desiredOutcome(), x.successMeasure(), x.evidence(), x.term(),
                x.status(), x.rag(), x.grade(), x.qualityAssuredBy(), List.copyOf(followUps), x.note(), x.progress(), x.extraColumns(),
                x.inherited(), x.state(), x.themes()));

        Map<String, String> before = followUpEvents(IcalRenderer.plan(archive, plan).toString());
        Map<String, String> after = followUpEvents(IcalRenderer.plan(added, added.plans().stream().filter(p -> p.id().equals(plan.id())).findFirst().orElseThrow()).toString());
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);
        assertThat(after).hasSize(before.size() + 1).containsAllEntriesOf(before);
    }

    /** The follow-ups' events of a calendar: by UID, the day and the description (which gives the follow-up's text). */
    private static Map<String, String> followUpEvents(String ics) throws Exception {
        Map<String, String> events = new LinkedHashMap<>();
        for (VEvent event : parse(ics).<VEvent>getComponents("VEVENT")) {
            if (value(event, "UID").startsWith("follow-up-")) {
                events.put(value(event, "UID"), event.getDateTimeStart().getDate() + " " + value(event, "DESCRIPTION"));
            }
        }
        return events;
    }

    @Test
    void twoRendersAreByteIdentical() {
        Archive archive = TestArchives.shipped();
        assertThat(IcalRenderer.site(archive)).isEqualTo(IcalRenderer.site(archive));
        for (Plan plan : archive.plans()) {
            assertThat(IcalRenderer.plan(archive, plan)).isEqualTo(IcalRenderer.plan(archive, plan));
        }
    }

    @Test
    void followUpsWithDatedTargetsHaveEventsOfTheirOwn() throws Exception {
        Archive archive = TestArchives.shipped();
        List<String> summaries = new ArrayList<>();
        for (VEvent event : parse(IcalRenderer.site(archive).toString()).<VEvent>getComponents("VEVENT")) {
            summaries.add(value(event, "SUMMARY"));
        }
        assertThat(summaries).anyMatch(s -> s.startsWith("Follow-up target: Action "));
    }
}
