package org.followthrough.render.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.followthrough.model.Action;
import org.followthrough.model.ActionState;
import org.followthrough.model.Archive;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.model.Recommendation;
import org.followthrough.model.Scale;
import org.followthrough.model.ScaleEntry;
import org.followthrough.model.Site;
import org.followthrough.model.Tally;
import org.followthrough.model.Target;
import org.followthrough.render.Dates;
import org.followthrough.render.MarkdownRenderer;
import org.followthrough.render.view.Views.*;

/** Builds template views from the model. Holds no state beyond the archive's organisations and a Markdown cache. */
public final class ViewFactory {

    private final Archive archive;
    private final Map<String, Organisation> organisations;
    private final MarkdownRenderer markdown;

    public ViewFactory(Archive archive, MarkdownRenderer markdown) {
        this.archive = archive;
        this.organisations = archive.organisationsById();
        this.markdown = markdown;
    }

    public static String planPath(String id) {
        return "plans/" + id + "/";
    }

    public static String organisationPath(String id) {
        return "organisations/" + id + "/";
    }

    /** Anchors are stable: they come from the numbers and refs as published. */
    public static String anchor(String prefix, String published) {
        String slug = published.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return prefix + "-" + (slug.isEmpty() ? "x" : slug);
    }

    public SiteView site() {
        Site s = archive.site();
        return new SiteView(s.title(), s.publisher(), s.language(), s.brandColour(), html(s.description()),
                html(s.contact()), Dates.format(archive.asOf()), archive.asOf().toString(), s.staleAfterMonths());
    }

    public PageView page(String path, String title, List<Crumb> breadcrumbs) {
        int depth = path.isEmpty() ? 0 : (int) path.chars().filter(c -> c == '/').count();
        String root = "../".repeat(depth);
        String base = archive.site().baseUrl();
        return new PageView(root.isEmpty() ? "./" : root, path, base + path, title, breadcrumbs);
    }

    public OrgRef org(String id) {
        Organisation o = organisations.get(id);
        return new OrgRef(id, o.name(), o.shortName(), o.type().label(), organisationPath(id));
    }

    private List<OrgRef> orgs(List<String> ids) {
        return ids.stream().map(this::org).toList();
    }

    private freemarker.core.TemplateHTMLOutputModel html(org.followthrough.model.Markdown md) {
        return md == null ? null : Html.of(markdown.toHtml(md));
    }

    private static ScaleEntryView entry(ScaleEntry e, MarkdownRenderer markdown) {
        if (e == null) {
            return null;
        }
        return new ScaleEntryView(e.code(), e.label(), e.description() == null ? null : Html.of(markdown.toHtml(e.description())),
                e.lifecycle() == null ? null : e.lifecycle().code(), e.lifecycle() == null ? null : e.lifecycle().label());
    }

    private ScaleEntryView entry(ScaleEntry e) {
        return entry(e, markdown);
    }

    private List<ScaleEntryView> scale(Scale scale) {
        return scale.entries().stream().map(this::entry).toList();
    }

    public static TargetView target(Target t) {
        if (t == null) {
            return null;
        }
        String formatted = Dates.format(t.date());
        String text = t.asPublished() != null ? t.asPublished() : formatted;
        String meaning = t.asPublished() != null && formatted != null && !t.asPublished().equals(formatted) ? formatted : null;
        return new TargetView(text, meaning, Dates.iso(t.date()),
                t.date() instanceof org.followthrough.model.TargetDate.Ongoing, t.date() == null);
    }

    public TallyView tally(Tally tally) {
        List<TallyItem> items = new ArrayList<>();
        for (Lifecycle l : Lifecycle.values()) {
            if (tally.count(l) > 0) {
                items.add(new TallyItem(l.code(), l.label(), tally.count(l)));
            }
        }
        return new TallyView(tally.total(), tally.done(), tally.overdue(), tally.stale(), List.copyOf(items));
    }

    public PlanView plan(Plan p) {
        return new PlanView(p.id(), planPath(p.id()), p.title(), p.reference(), p.kind().label(), p.kindAsPublished(),
                p.subject(), orgs(p.commissionedBy()), p.commissionedByAsPublished(), orgs(p.investigatedBy()),
                orgs(p.organisations()), Dates.format(p.published()), iso(p.published()), Dates.format(p.start()),
                iso(p.start()), target(p.targetCompletion()), p.dateRange(), p.careUnits(), html(p.summary()),
                p.updates().stream().map(u -> new UpdateView(Dates.format(u.date()), iso(u.date()), u.title(), html(u.note()))).toList(),
                p.source() == null ? null : new SourceView(p.source().title(), p.source().url(), html(p.source().notes())),
                new ScalesView(scale(p.scales().grades()), scale(p.scales().priorities()), scale(p.scales().rag()),
                        scale(p.scales().terms()), scale(p.scales().statuses())),
                p.addressedWithoutAction().stream()
                        .map(a -> new AddressedView(anchor("recommendation", a.number()), a.number(), a.title(), html(a.reason())))
                        .toList(),
                p.recommendations().stream().map(this::recommendation).toList(),
                tally(p.tally()));
    }

    private RecommendationView recommendation(Recommendation r) {
        return new RecommendationView(anchor("recommendation", r.number()), r.number(), r.title(), html(r.text()),
                html(r.issuesIdentified()), entry(r.priority()), orgs(r.lead()), r.leadAsPublished(), r.oversight(),
                orgs(r.oversightBy()), html(r.note()), r.actions().stream().map(this::action).toList());
    }

    public ActionView action(Action a) {
        return new ActionView(anchor("action", a.ref()), a.ref(), html(a.description()), a.section(),
                a.owners().stream().map(o -> new OwnerView(org(o.organisationId()), o.role(), o.name())).toList(),
                target(a.target()), html(a.monitoring()), a.frequency(), html(a.desiredOutcome()), html(a.successMeasure()),
                a.evidence().stream().map(e -> new EvidenceView(e.text(), e.link(), e.location())).toList(),
                entry(a.term()), entry(a.status()), entry(a.rag()), entry(a.grade()), a.qualityAssuredBy(),
                a.followUps().stream().map(f -> new FollowUpView(html(f.text()), target(f.target()), entry(f.status()))).toList(),
                html(a.note()),
                a.progress().stream().map(p -> new ProgressView(Dates.format(p.date()), iso(p.date()), p.dateAsPublished(),
                        entry(p.status()), entry(p.grade()), entry(p.rag()), html(p.text()), p.reportedBy())).toList(),
                state(a.state()));
    }

    private StateView state(ActionState s) {
        return new StateView(entry(s.status()), s.lifecycle().code(), s.lifecycle().label(), s.lifecycle().isDone(),
                Dates.format(s.statusSince()), iso(s.statusSince()), entry(s.grade()), entry(s.rag()),
                Dates.format(s.lastUpdated()), iso(s.lastUpdated()), s.overdue(), s.stale());
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
