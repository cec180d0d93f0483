package org.followthrough.render.fragment;

import org.followthrough.render.view.Views;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.followthrough.render.TemplateEngine;
import org.followthrough.render.view.Views.ActionRow;
import org.followthrough.render.view.Views.ActionView;
import org.followthrough.render.view.Views.OrganisationView;
import org.followthrough.render.view.Views.PlanGroup;
import org.followthrough.render.view.Views.PlanView;
import org.followthrough.render.view.Views.RecommendationView;
import org.followthrough.render.view.Views.SiteView;

/**
 * Embeddable HTML fragments, for a body that already has a website or CMS: a plan, and the actions
 * an organisation owns grouped by plan, each as one {@code <section>} to paste into another page.
 *
 * <p>A fragment has no {@code <html>}, {@code <head>} or {@code <body>}, no script, no style element
 * or attribute, and loads nothing (no images, fonts or stylesheets): it reads as it is, and the
 * optional stylesheet {@value #STYLESHEET} dresses it. Every class name starts with {@code ft-}, and
 * so does every id, which also carries the plan's or organisation's id so that several fragments can
 * share a page. Its headings start at {@code h2}, as the host page owns the {@code h1}. Every link is
 * absolute, made from the site's root address, since the fragment is read on another site; links
 * written in the content are kept as they are (the Markdown renderer only lets absolute ones
 * through).
 *
 * <p>Rendered from {@value #PLAN_TEMPLATE} and {@value #ORGANISATION_TEMPLATE} (with the macros in
 * {@code fragments/components.ftlh}), so a body overrides them as it does any other template.
 * Thread-safe, as the template engine is.
 */
public final class FragmentRenderer {

    public static final String PLAN_TEMPLATE = "fragments/plan.ftlh";
    public static final String ORGANISATION_TEMPLATE = "fragments/organisation.ftlh";
    /** The optional stylesheet, a file among the templates (so a body may replace it), to publish as it is. */
    public static final String STYLESHEET = "fragments/followthrough-fragment.css";
    /** The heading level a fragment starts at: the host page owns the h1. */
    public static final int TOP_HEADING_LEVEL = 2;

    private final TemplateEngine engine;

    public FragmentRenderer(TemplateEngine engine) {
        this.engine = engine;
    }

    /**
     * A plan: its title, reference, the date progress is given as at, its counts by status, a link to
     * its page, then each recommendation with its actions (owners, target, status since when, flags
     * and latest progress).
     *
     * @param siteRootUrl the site's absolute root address ("https://trust.example/action-plans/"), which every link starts with
     */
    public String plan(SiteView site, PlanView plan, String siteRootUrl) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("root", root(siteRootUrl));
        model.put("plan", plan);
        return engine.render(PLAN_TEMPLATE, model);
    }

    /**
     * The actions an organisation owns, grouped by plan, each with the same fields as in a plan's fragment.
     *
     * @param owned the organisation's actions with their recommendations (see {@code ViewFactory.ownedActions}):
     *              each action's details and latest progress are taken from them
     * @param siteRootUrl the site's absolute root address, which every link starts with
     * @throws IllegalArgumentException when an action the organisation owns is not in {@code owned}
     */
    public String organisation(SiteView site, OrganisationView organisation, Views.ActionIndex owned, String siteRootUrl) {
        Views.ActionIndex index = owned;
        Map<String, ActionView> actions = index.actions();
        Map<String, RecommendationView> recommendations = index.recommendations();
        for (PlanGroup group : organisation.groups()) {
            for (ActionRow row : group.rows()) {
                if (!actions.containsKey(row.path())) {
                    throw new IllegalArgumentException("the actions given do not include " + row.path()
                            + ", which " + organisation.id() + " owns");
                }
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("root", root(siteRootUrl));
        model.put("organisation", organisation);
        model.put("actions", actions);
        model.put("recommendations", recommendations);
        return engine.render(ORGANISATION_TEMPLATE, model);
    }

    /** The root address with one trailing slash; it must be absolute (http or https), as fragments are read elsewhere. */
    static String root(String siteRootUrl) {
        URI uri;
        try {
            uri = URI.create(siteRootUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a web address: " + siteRootUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("a fragment's links must be absolute: the site's root address must start with "
                    + "http:// or https://, not " + siteRootUrl);
        }
        return siteRootUrl.endsWith("/") ? siteRootUrl : siteRootUrl + "/";
    }
}
