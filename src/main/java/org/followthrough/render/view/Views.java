package org.followthrough.render.view;

import freemarker.core.TemplateHTMLOutputModel;
import java.util.List;

/**
 * What templates receive: plain, already-formatted values. Dates are text for readers plus ISO for
 * {@code <time>}; Markdown is cleaned HTML; links are paths from the site root (templates prefix
 * them with the page's {@code root}, so the site works under any sub-path).
 */
public final class Views {

    private Views() {
    }

    /** A view of a recommendation, which templates name by its number as the plan does: {@code ${rec.heading()}}. */
    public interface Numbered {
        String number();

        /** "Recommendation 5", or "Recommendations 5, 7 and 10" where one heading answers several: for headings and links. */
        default String heading() {
            return org.followthrough.model.Recommendation.heading(number());
        }
    }

    /**
     * The site. For an organisation's own site, {@code logo} is the path of its logo and
     * {@code partnershipUrl} the address of the partnership's site that publishes the plans in full. {@code themesChosenBy}:
     * who gave the plans their themes, the publisher of the partnership's site, also on an organisation's own site.
     */
    public record SiteView(String title, String publisher, String language, String brandColour,
                           TemplateHTMLOutputModel description, TemplateHTMLOutputModel contact,
                           String asOf, String asOfIso, int staleAfterMonths, String baseUrl,
                           String logo, String partnershipTitle, String partnershipUrl, boolean hasThemes, String themesChosenBy) {
    }

    public record Crumb(String label, String path) {
    }

    /**
     * Per page: the relative path back to the site root ("../../"), its own path and absolute address, its
     * title, and the shorter name the breadcrumbs end with ({@code crumb}).
     */
    public record PageView(String root, String path, String canonicalUrl, String title, String crumb, List<Crumb> breadcrumbs) {
    }

    /** An organisation as a link; {@code path} is null where the site has no page for it (an organisation's own site). */
    public record OrgRef(String id, String name, String shortName, String type, String path) {
    }

    public record ScaleEntryView(String code, String label, TemplateHTMLOutputModel description, String lifecycle,
                                 String lifecycleLabel) {
    }

    public record ScalesView(List<ScaleEntryView> grades, List<ScaleEntryView> priorities, List<ScaleEntryView> rag,
                             List<ScaleEntryView> terms, List<ScaleEntryView> statuses) {
    }

    /**
     * A target: {@code text} as published (or the formatted date), {@code meaning} the date it stands for
     * where the wording does not already say it ("Completed August 2016" needs none, "31/03/2020" does).
     */
    public record TargetView(String text, String meaning, String iso, boolean ongoing, boolean undated) {
    }

    /**
     * How an action stands: the common stage ({@code lifecycleLabel}) first, and the plan's own word for it
     * ({@code ownWording}) where that says something else; the grade goes with it wherever the status is shown.
     * {@code dateNotPublished}: the status has no date of its own, in a plan that dates others (where a plan
     * dates none, its page says so once instead). {@code targetPassed}: the target has passed and no status
     * was ever published (never called overdue).
     */
    public record StateView(ScaleEntryView status, String lifecycle, String lifecycleLabel, String ownWording, boolean done,
                            String since, String sinceIso, boolean dateNotPublished, ScaleEntryView grade, String gradeNote,
                            ScaleEntryView rag, String lastUpdated, String lastUpdatedIso, boolean overdue, boolean targetPassed,
                            boolean stale) {
    }

    /**
     * A progress update, with each change it made spelled out ("RAG: Amber → Green"); {@code shared}: the
     * plan reported it once for all the actions of the recommendation.
     */
    public record ProgressView(String date, String dateIso, String dateAsPublished, ScaleEntryView status,
                               ScaleEntryView grade, ScaleEntryView rag, TemplateHTMLOutputModel text, String reportedBy,
                               List<String> changes, boolean shared) {
    }

    /** A value in one of the plan's extra columns, under the column's heading as published; {@code shared}: the recommendation's. */
    public record ColumnView(String id, String label, TemplateHTMLOutputModel value, boolean shared) {
    }

    /** One of the plan's extra columns: its heading as published and what it holds, where the plan says. */
    public record ColumnDefinitionView(String id, String label, TemplateHTMLOutputModel description) {
    }

    /** One action's dates; {@code plan} names its plan where the timeline covers several. */
    public record SpanRow(String plan, String ref, String path, String start, String startIso, String target, String targetIso,
                          String completed, String completedIso, String status) {
    }

    public record PointRow(String date, String dateIso, int open, int done) {
    }

    /**
     * A timeline: each chart drawn twice (for wide screens and for phones, whose labels would be too small in
     * the wide one) with a caption in plain words, or, where a chart would say nothing, why it is left out
     * ({@code spansOmitted}, {@code countsOmitted}); the same numbers are always in the tables.
     * {@code byPlan}: the actions come from several plans, which the chart and table name.
     */
    public record TimelineView(TemplateHTMLOutputModel spansChart, TemplateHTMLOutputModel spansChartNarrow, String spansCaption,
                               String spansOmitted, TemplateHTMLOutputModel countsChart, TemplateHTMLOutputModel countsChartNarrow,
                               String countsCaption, String countsOmitted, boolean byPlan,
                               List<SpanRow> spans, List<PointRow> points) {
    }

    public record OwnerView(OrgRef organisation, String role, String name) {
    }

    public record EvidenceView(String text, String link, String location) {
    }

    /**
     * A follow-up action; {@code summary}: the first words of its text, for lists; {@code passed}: its date has passed and
     * it is not reported done.
     */
    public record FollowUpView(TemplateHTMLOutputModel text, String summary, TargetView target, ScaleEntryView status, boolean passed) {
    }

    /**
     * An action. Its owners, target, extra columns and progress are all that hold for it, its
     * recommendation's included; {@code ownersShared} and {@code targetShared} say the owners and target
     * are the recommendation's, and where the recommendation is shown they are shown there once.
     * {@code ownLatest} is the latest progress with text that is the action's own. {@code themes} are the
     * themes it comes under where they are not just its recommendation's, or empty.
     */
    public record ActionView(String anchor, String ref, String recommendationNumber, String path,
                             TemplateHTMLOutputModel description, String section,
                             List<OwnerView> owners, boolean ownersShared, TargetView target, boolean targetShared,
                             TemplateHTMLOutputModel monitoring,
                             String frequency, TemplateHTMLOutputModel desiredOutcome,
                             TemplateHTMLOutputModel successMeasure, List<EvidenceView> evidence,
                             ScaleEntryView term, ScaleEntryView status, ScaleEntryView rag, ScaleEntryView grade,
                             String qualityAssuredBy, List<ColumnView> extraColumns, List<FollowUpView> followUps,
                             TemplateHTMLOutputModel note, List<ProgressView> progress, ProgressView latest,
                             ProgressView ownLatest, StateView state, List<ThemeRef> themes) {
    }

    /**
     * A recommendation, with what the plan gives once for all its actions: {@code owners}, {@code target},
     * {@code extraColumns} and {@code progress} (with {@code latest}, its latest with text). {@code subject}: its
     * title, or else the first words of its text, for contents and headings; {@code path}: its own page.
     */
    public record RecommendationView(String anchor, String number, String title, String subject, String path,
                                     TemplateHTMLOutputModel text,
                                     TemplateHTMLOutputModel issuesIdentified, ScaleEntryView priority,
                                     List<OrgRef> lead, String leadAsPublished, String oversight,
                                     List<OrgRef> oversightBy, TemplateHTMLOutputModel note,
                                     List<OwnerView> owners, TargetView target, List<ColumnView> extraColumns,
                                     List<ProgressView> progress, ProgressView latest,
                                     List<ActionView> actions, TallyView tally, List<ThemeRef> themes) implements Numbered {
    }

    /**
     * A recommendation addressed without further action. {@code after}: the number of the recommendation with actions
     * it comes after in number order, so that a list of every recommendation keeps that order; null when it comes first.
     */
    public record AddressedView(String anchor, String number, String title, TemplateHTMLOutputModel reason, String after) implements Numbered {
    }

    public record TallyItem(String lifecycle, String label, int count) {
    }

    /** Counts of actions: by common stage ({@code items}), and the flags; {@code targetPassed} have no status published. */
    public record TallyView(int total, int done, int overdue, int targetPassed, int stale, List<TallyItem> items) {
    }

    public record UpdateView(String date, String dateIso, String title, TemplateHTMLOutputModel note) {
    }

    public record SourceView(String title, String url, TemplateHTMLOutputModel notes) {
    }

    /** An action as a row of a table across plans: enough to see what, who, when and how it stands. */
    public record ActionRow(String planId, String planTitle, String planName, String planReference, String planPath,
                            String recommendationNumber, String ref, String anchor, String path, String summary, List<OrgRef> owners,
                            TargetView target, StateView state) {
    }

    /** A plan as a link: {@code name} is its short name, for tables and tight spaces. */
    public record PlanLink(String id, String title, String name, String reference, String path) {
    }

    /**
     * Some actions of one plan (an organisation's): their plan, their count by state and rows; how many of them are open once
     * the plan's target completion ({@code targetCompletion}) has passed, and how many of their follow-ups are past their dates.
     */
    public record PlanGroup(PlanLink plan, TallyView tally, List<ActionRow> rows, TargetView targetCompletion,
                            int openPastTargetCompletion, int followUpsPassed) {
    }

    /**
     * An organisation's page. {@code leads} and {@code oversees}: the recommendations that name it as their lead, or among
     * their oversight bodies, whoever owns their actions; {@code commissioned} and {@code investigated}: the plans that name
     * it as their commissioner or investigator (none of these on an organisation's own site, which holds only the
     * recommendations whose actions it owns).
     */
    public record OrganisationView(String id, String name, String shortName, String type, String website, String odsCode,
                                   TemplateHTMLOutputModel description, String path, TallyView tally,
                                   List<PlanGroup> groups, List<PlanLink> involvedIn, TimelineView timeline,
                                   String publishedPlansUrl, List<NamedRecommendation> leads, List<NamedRecommendation> oversees,
                                   List<PlanInBrief> commissioned, List<PlanInBrief> investigated) {

        /**
         * The plans it is named in without owning an action, but for those its page lists already as plans it commissioned or
         * whose investigation it carried out: its page's "other plans", which should not list a plan twice.
         */
        public List<PlanLink> otherPlans() {
            java.util.Set<String> listed = new java.util.HashSet<>();
            commissioned.forEach(p -> listed.add(p.plan().id()));
            investigated.forEach(p -> listed.add(p.plan().id()));
            return involvedIn.stream().filter(p -> !listed.contains(p.id())).toList();
        }
    }

    /** A plan with its actions counted: one an organisation commissioned, or whose investigation it carried out. */
    public record PlanInBrief(PlanLink plan, TallyView tally) {
    }

    /**
     * A recommendation that names an organisation (as its lead, say): its plan's name, its number and title, its page, and
     * its actions counted, for a body that leads or oversees it to see how it stands.
     */
    public record NamedRecommendation(String plan, String number, String title, String path, TallyView tally) implements Numbered {
    }

    /** The actions of some plans by their path ("plans/x/#action-1-1"), each with its recommendation: for views of an organisation's actions. */
    public record ActionIndex(java.util.Map<String, ActionView> actions, java.util.Map<String, RecommendationView> recommendations) {

        public static ActionIndex of(List<PlanView> plans) {
            java.util.Map<String, ActionView> actions = new java.util.LinkedHashMap<>();
            java.util.Map<String, RecommendationView> recommendations = new java.util.LinkedHashMap<>();
            for (PlanView plan : plans) {
                for (RecommendationView r : plan.recommendations()) {
                    for (ActionView a : r.actions()) {
                        actions.put(a.path(), a);
                        recommendations.put(a.path(), r);
                    }
                }
            }
            return new ActionIndex(actions, recommendations);
        }
    }

    /** A file to download: what it is, where, its format and size ("PDF", "48 KB"). */
    public record Download(String label, String path, String format, String size, String mediaType) {
    }

    /**
     * The downloads of a page: {@code main} for people (to read, print, open in a spreadsheet, follow), then
     * {@code machine}, the files only other programs read; {@code all} both, in order.
     */
    public record Downloads(List<Download> main, List<Download> machine, List<Download> all) {
    }

    /**
     * What a page of a snapshot says of itself: the date the snapshot shows the site at, and relative links
     * to the current version of the same page and to the list of snapshots, both in the current site.
     */
    public record SnapshotNotice(String date, String dateIso, String current, String list, String currentRoot) {
    }

    /** A snapshot in the list of snapshots: its date and its folder's path from the site root. */
    public record SnapshotLink(String date, String dateIso, String path) {
    }

    /** A pre-rendered filter of actions, so that narrowing the list needs no JavaScript. */
    public record Filter(String id, String label, String path, int count) {
    }

    /**
     * One page of a listing of actions: its rows, the counts of the whole listing ({@code total} rows),
     * and links to every page of it ({@code pages} is empty when it fits on one); {@code first} is the
     * number of its first row in the whole listing.
     */
    public record Listing(String title, String description, List<ActionRow> rows, TallyView tally, int total,
                          List<PageLink> pages, int page, int first) {
    }

    /** One page of the list of plans (or of the plans it narrows to): as {@link Listing}, of plans. */
    public record PlanListing(String title, String description, List<PlanSummary> plans, int total, List<PageLink> pages,
                              int page, int first) {
    }

    /** A numbered page of a listing and its path from the site root. */
    public record PageLink(int number, String path) {
    }

    /** A theme as a link. */
    public record ThemeRef(String id, String label, String path) {
    }

    /** A theme as the list of themes and the home page show it: what it is, and how much comes under it. */
    public record ThemeSummary(String id, String label, String path, TemplateHTMLOutputModel description,
                               int recommendations, int actions, TallyView tally) {
    }

    /**
     * A recommendation on a theme's page: {@code named} when it names the theme itself, otherwise it is
     * listed for the {@code rows} of its actions that do.
     */
    public record ThemeRecommendation(String number, String title, String path, boolean named, List<ActionRow> rows) implements Numbered {
    }

    /** The recommendations of one plan on a theme's page. */
    public record ThemeGroup(PlanLink plan, List<ThemeRecommendation> recommendations) {
    }

    /**
     * One page of a theme: the theme, the counts of everything under it, the site's note on how themes are
     * assigned, and this page's plans ({@code pages} is empty when everything fits on one).
     */
    public record ThemePage(ThemeSummary theme, TemplateHTMLOutputModel note, List<ThemeGroup> groups,
                            List<PageLink> pages, int page) {
    }

    /** An organisation as the list of organisations shows it. */
    public record OrganisationSummary(String id, String name, String shortName, String type, String path, TallyView tally) {
    }

    /**
     * What a plan's card and its page say first about where it stands: when its last dated update was published
     * (null: none), how many actions are still open although the plan's target completion has passed, and how many
     * follow-ups (which the counts of actions leave out) are past their dates without being reported done.
     */
    public record PlanStanding(String lastUpdate, String lastUpdateIso, int openPastTargetCompletion, int followUpsPassed) {
    }

    /** A plan as a list of plans shows it: a card on the home page, a row of the summary of all plans. */
    public record PlanSummary(String id, String path, String title, String name, String reference, String kind,
                              List<OrgRef> organisations, String published, String publishedIso, String start, String startIso,
                              TargetView targetCompletion, String dateRange, List<UpdateView> updates, TallyView tally,
                              PlanStanding standing) {
    }

    /**
     * A plan in full. {@code statusDatesNotPublished}: the plan publishes statuses, and no date for any of them;
     * {@code missingNumbers}: which recommendation numbers are missing from the plan's run of numbers, as a
     * sentence without its full stop, null when none are; {@code undatedStatuses}: how many of the
     * {@code statuses} it publishes have no date of their own, in a plan that dates others (lists of actions leave them without a
     * date, and the plan's page says how many once); {@code feedEmpty}: no action has a dated progress update, so
     * its feed has nothing to follow yet.
     */
    public record PlanView(String id, String path, String title, String name, String reference, String kind, String kindAsPublished,
                           String subject, List<OrgRef> commissionedBy, String commissionedByAsPublished,
                           List<OrgRef> investigatedBy, List<OrgRef> organisations, String published,
                           String publishedIso, String start, String startIso, TargetView targetCompletion,
                           String dateRange, List<String> careUnits, TemplateHTMLOutputModel summary,
                           List<UpdateView> updates, SourceView source, ScalesView scales,
                           List<ColumnDefinitionView> extraColumns, boolean statusDatesNotPublished,
                           List<AddressedView> addressedWithoutAction, List<RecommendationView> recommendations,
                           TallyView tally, TimelineView timeline, String partnershipUrl, PlanStanding standing,
                           String missingNumbers, int undatedStatuses, int statuses, boolean feedEmpty,
                           List<GradeCount> completedGrades) {
    }

    /**
     * How many of a plan's completed (or embedded, or closed) actions its latest grading puts at one grade, as "grade D:
     * Partially complete"; a plan may call an action completed and grade it only partly so.
     */
    public record GradeCount(String grade, int count) {
    }

    /**
     * What changed after a date ({@code build --since}), up to the as-of date: see
     * {@link org.followthrough.model.ChangesSince}. Status changes are split into those that finished an
     * action (completed, embedded or closed it) and the others.
     */
    public record ChangesView(String since, String sinceIso, String asOf, String asOfIso, List<NewActionRow> newActions,
                              List<StatusChangeRow> finished, List<StatusChangeRow> otherStatusChanges, List<UpdateRow> updates,
                              List<TargetRow> passedTargets, List<UndatedRow> undated, List<PlanLink> undatedPlans) {

        public boolean isEmpty() {
            return newActions.isEmpty() && finished.isEmpty() && otherStatusChanges.isEmpty() && updates.isEmpty()
                    && passedTargets.isEmpty();
        }
    }

    public record NewActionRow(ActionRow action, String on, String onIso) {
    }

    /**
     * One change of status: its date ({@code date} is null for an undated update, which came after the
     * update of {@code after}), and the statuses in words.
     */
    public record StepView(String date, String dateIso, String dateAsPublished, String after, String afterIso, String from, String to) {
    }

    /** An action's status before the period ({@code beforeSince} null when not known), after it, and each change between. */
    public record StatusChangeRow(ActionRow action, String before, String beforeSince, String beforeSinceIso, String after,
                                  List<StepView> steps) {
    }

    /** A progress update in the period; an undated one came after the update of {@code after}. */
    public record UpdateRow(ActionRow action, ProgressView progress, String after, String afterIso) {
    }

    /** A target that passed in the period: its last day and whether it was met, in words. */
    public record TargetRow(ActionRow action, String deadline, String deadlineIso, String outcome) {
    }

    /** An undated progress update that may or may not fall in the period. */
    public record UndatedRow(ActionRow action, ProgressView progress) {
    }

    /** A link to a list of what changed after a date, with how many changes it lists. */
    public record ChangesLink(String path, String since, String sinceIso, int count) {
    }
}
