package org.followthrough.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.followthrough.assemble.Assembler;
import org.followthrough.pipeline.BuildRequest;
import org.followthrough.pipeline.BuildResult;
import org.followthrough.pipeline.Pipeline;
import org.followthrough.model.Action;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.ProgressUpdate;
import org.followthrough.model.Recommendation;
import org.followthrough.model.Tally;

/** The shipped content and the small fixture as models, the scopes the downloads are made for, and in-memory variants. */
public final class TestArchives {

    private static volatile Archive shipped;
    private static volatile Archive small;

    private TestArchives() {
    }

    public static Archive shipped() {
        if (shipped == null) {
            shipped = load(TestBuilds.SHIPPED_CONTENT);
        }
        return shipped;
    }

    public static Archive small() {
        if (small == null) {
            small = load(TestBuilds.fixture("small"));
        }
        return small;
    }

    public static Archive load(Path content) {
        return load(TestBuilds.request(content, null));
    }

    /** The checked archive of a request's content, as at its date; fails the test if the content has errors. */
    public static Archive load(BuildRequest request) {
        Path content = request.content();
        BuildResult result = Pipeline.check(request);
        if (result.archive() == null) {
            throw new AssertionError("content " + content + " did not check:\n"
                    + String.join("\n", result.problems().stream().map(Object::toString).toList()));
        }
        return result.archive();
    }

    /** What a download covers: one plan, the actions one organisation owns, or the whole site. */
    public record Scope(String name, Archive archive, Plan plan, Organisation organisation) {

        public boolean isPlan() {
            return plan != null;
        }

        public boolean isOrganisation() {
            return organisation != null;
        }

        public boolean isSite() {
            return plan == null && organisation == null;
        }

        /** The scope's actions with their plans, worked out from the model alone. */
        public List<Located> actions() {
            List<Located> actions = new ArrayList<>();
            for (Plan p : archive.plans()) {
                if (plan != null && !p.id().equals(plan.id())) {
                    continue;
                }
                for (Recommendation r : p.recommendations()) {
                    for (Action a : r.actions()) {
                        boolean owned = a.owners().stream().anyMatch(o -> o.organisationId().equals(organisation == null ? null : organisation.id()));
                        if (organisation == null || owned) {
                            actions.add(new Located(p, r, a));
                        }
                    }
                }
            }
            return actions;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An action with the plan and recommendation it belongs to. */
    public record Located(Plan plan, Recommendation recommendation, Action action) {
    }

    /** Every plan, every organisation and the whole site, of both the shipped content and the small fixture. */
    public static Stream<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>();
        for (var entry : List.of(java.util.Map.entry("shipped", shipped()), java.util.Map.entry("small", small()))) {
            Archive archive = entry.getValue();
            scopes.add(new Scope(entry.getKey() + " site", archive, null, null));
            for (Plan plan : archive.plans()) {
                scopes.add(new Scope(entry.getKey() + " plan " + plan.id(), archive, plan, null));
            }
            for (Organisation organisation : archive.organisations()) {
                scopes.add(new Scope(entry.getKey() + " organisation " + organisation.id(), archive, null, organisation));
            }
        }
        return scopes.stream();
    }

    /** The archive with one action replaced. */
    public static Archive withAction(Archive archive, String planId, String ref, UnaryOperator<Action> change) {
        return mapActions(archive, (plan, action) -> plan.id().equals(planId) && action.ref().equals(ref) ? change.apply(action) : action);
    }

    /** Every action of the archive with its derived state worked out again, and with the given updates appended to one. */
    public static Archive recomputed(Archive archive, String planId, String ref, List<ProgressUpdate> appended) {
        return mapActions(archive, (plan, action) -> {
            List<ProgressUpdate> progress = new ArrayList<>(action.progress());
            if (plan.id().equals(planId) && action.ref().equals(ref)) {
                progress.addAll(appended);
            }
            return withProgress(action, progress, archive);
        });
    }

    /** The archive with every action passed through {@code change}, and the plans' tallies worked out again. */
    public static Archive mapActions(Archive archive, BiFunction<Plan, Action, Action> change) {
        List<Plan> plans = archive.plans().stream().map(p -> rebuilt(p, p.targetCompletion(), p.recommendations().stream()
                .map(r -> new Recommendation(r.number(), r.title(), r.text(), r.issuesIdentified(), r.priority(), r.lead(),
                        r.leadAsPublished(), r.oversight(), r.oversightBy(), r.note(), r.shared(),
                        r.actions().stream().map(a -> change.apply(p, a)).toList(), r.themes())).toList())).toList();
        return new Archive(archive.site(), archive.asOf(), archive.organisations(), plans);
    }

    /** The archive with the plan's target completion (the date by which all its actions were to be done) as given, or none. */
    public static Archive withTargetCompletion(Archive archive, String planId, org.followthrough.model.Target target) {
        return withPlan(archive, planId, p -> rebuilt(p, target, p.recommendations()));
    }

    /** The archive with the plan's recommendations (and so its actions) as given, its tally worked out again. */
    public static Archive withRecommendations(Archive archive, String planId, List<Recommendation> recommendations) {
        return withPlan(archive, planId, p -> rebuilt(p, p.targetCompletion(), recommendations));
    }

    private static Archive withPlan(Archive archive, String planId, UnaryOperator<Plan> change) {
        return new Archive(archive.site(), archive.asOf(), archive.organisations(),
                archive.plans().stream().map(p -> p.id().equals(planId) ? change.apply(p) : p).toList());
    }

    /** The plan with this target completion and these recommendations, and its tally worked out from them. */
    private static Plan rebuilt(Plan p, org.followthrough.model.Target targetCompletion, List<Recommendation> recommendations) {
        return new Plan(p.id(), p.title(), p.reference(), p.kind(), p.kindAsPublished(), p.subject(), p.commissionedBy(),
                p.commissionedByAsPublished(), p.investigatedBy(), p.organisations(), p.published(), p.start(), targetCompletion,
                p.dateRange(), p.careUnits(), p.summary(), p.updates(), p.source(), p.scales(), p.extraColumns(),
                p.addressedWithoutAction(), recommendations, Tally.of(recommendations.stream().flatMap(r -> r.actions().stream()).toList()),
                p.statusDatesNotPublished(), p.formerIds());
    }

    /** The action with these progress updates and its state worked out from them by the build's own rules. */
    public static Action withProgress(Action a, List<ProgressUpdate> progress, Archive archive) {
        return new Action(a.ref(), a.description(), a.section(), a.owners(), a.target(), a.monitoring(), a.frequency(),
                a.desiredOutcome(), a.successMeasure(), a.evidence(), a.term(), a.status(), a.rag(), a.grade(),
                a.qualityAssuredBy(), a.followUps(), a.note(), List.copyOf(progress), a.extraColumns(), a.inherited(),
                Assembler.stateOf(archive.asOf(), archive.site().staleAfterMonths(), a.status(), a.target(), progress), a.themes());
    }
}
