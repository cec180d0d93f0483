package org.followthrough.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.followthrough.model.Archive;
import org.followthrough.model.Organisation;
import org.followthrough.model.Plan;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.render.Routes;

/**
 * Pages the site being replaced published that this build does not make: a plan's, a recommendation's, an organisation's.
 *
 * <p>A plan the site being replaced published and this build does not: its pages go, and links to them (in the news, in
 * board papers, in letters to families) find nothing. Most often its folder was renamed and {@code former_ids} was
 * forgotten, so the build that removes the pages says so, once: the build after it no longer finds them published. An
 * organisation's own site ({@code --organisation}, or its folder with {@code --all-organisations}) also loses a plan
 * that is still in the content once the organisation owns none of its actions, which is said as well: an owner
 * changed by mistake takes the plan off that site without a word otherwise.
 */
final class VanishedPages {

    private VanishedPages() {
    }

    /**
     * @param published the paths of the files the site being replaced lists as published (none for a new site)
     * @param archive   every plan of the content
     * @param request   the build's request: the organisation whose own site it is, if any, and whether each
     *                  organisation's own site is published in a folder of the site
     */
    static void warn(Set<String> published, Archive archive, BuildRequest request, Problems problems) {
        Map<String, Set<String>> before = plansBefore(published);
        if (before.isEmpty()) {
            return;
        }
        String organisation = request.organisation();
        warn(before.getOrDefault("", Set.of()), archive, organisation, "", request.content(), LAST_BUILD, problems);
        if (organisation == null) {
            warnOfRecommendations(recommendationPages(published), archive, request.content(), LAST_BUILD, problems);
            warnOfOrganisations(organisationsIn(published), archive, request.content(), LAST_BUILD, problems);
        }
        if (organisation == null && request.allOrganisations()) {
            for (Organisation own : archive.organisations()) {
                Set<String> ownBefore = before.get(own.id() + "/");
                if (ownBefore != null) {
                    warn(ownBefore, archive, own.id(), own.id() + "/", request.content(), LAST_BUILD, problems);
                }
            }
        }
    }

    /**
     * The ids of the plans whose pages the site being replaced published, by the folder of the site they are in: ""
     * for the site's own, "ORGANISATION/" for an organisation's own site in a folder of it. Looked for without
     * splitting each of the site's paths.
     */
    private static Map<String, Set<String>> plansBefore(Set<String> published) {
        Map<String, Set<String>> before = new TreeMap<>();
        String page = "/index.html";
        for (String path : published) {
            if (!path.endsWith(page)) {
                continue;
            }
            int slash = path.indexOf('/');
            // plans/<id>/index.html, or <folder>/plans/<id>/index.html
            int start = path.startsWith(Routes.PLANS) ? 0 : path.startsWith(Routes.PLANS, slash + 1) ? slash + 1 : -1;
            if (start < 0) {
                continue;
            }
            int idStart = start + Routes.PLANS.length();
            int end = path.length() - page.length();
            if (end > idStart && path.indexOf('/', idStart) == end) {
                before.computeIfAbsent(path.substring(0, start), folder -> new TreeSet<>()).add(path.substring(idStart, end));
            }
        }
        return before;
    }

    /** Who showed the plans before, in a warning: a build's site, or the preview. */
    private static final String LAST_BUILD = "was published by the last build";

    /**
     * For the preview: the plans it showed when it started ({@code before}, by id) that the content no longer has, told as a
     * build tells the plans its site loses, so that a folder renamed without {@code former_ids} is told while the editor
     * works, not first by the build that publishes it.
     */
    static void warnInPreview(Set<String> before, java.util.NavigableSet<String> recommendationsBefore, Set<String> organisationsBefore,
                              Archive archive, Path content, Problems problems) {
        warn(before, archive, null, "", content, PREVIEW_START, problems);
        warnOfRecommendations(recommendationsBefore, archive, content, PREVIEW_START, problems);
        warnOfOrganisations(organisationsBefore, archive, content, PREVIEW_START, problems);
    }

    /** The ids of the organisations whose pages the site's own part of {@code published} holds. */
    private static Set<String> organisationsIn(Set<String> published) {
        Set<String> ids = new TreeSet<>();
        String page = "/index.html";
        for (String path : published) {
            if (path.startsWith(Routes.ORGANISATIONS) && path.endsWith(page) && path.indexOf('/', Routes.ORGANISATIONS.length()) == path.length() - page.length()) {
                ids.add(path.substring(Routes.ORGANISATIONS.length(), path.length() - page.length()));
            }
        }
        return ids;
    }

    /**
     * An organisation whose page was shown before ({@code before}, by id) and is not now: its file renamed or deleted. Its
     * page goes and links to it find nothing; a renamed file also leaves every owner written with the old id unknown, which
     * the check tells as errors, but a file no plan names yet is renamed without a word otherwise.
     */
    private static void warnOfOrganisations(Set<String> before, Archive archive, Path content, String shownBefore, Problems problems) {
        Set<String> now = new TreeSet<>();
        archive.organisations().forEach(o -> now.add(o.id()));
        List<String> arrived = now.stream().filter(id -> !before.contains(id)).toList();
        for (String id : before) {
            if (now.contains(id)) {
                continue;
            }
            String renamed = (arrived.size() == 1 ? "if organisations/" + arrived.get(0) + ".yaml is its file renamed by mistake"
                    : "if its file was renamed by mistake") + ", give it its old name back (and any plan that now names it by the new id,"
                    + " the old one)";
            problems.warning(Location.of(content.resolve("organisations").resolve(id + ".yaml").toString()), "organisation '" + id + "' "
                            + shownBefore + " and is no longer in the content: " + (shownBefore.equals(LAST_BUILD) ? "this build removes"
                            : "a build removes") + " its page, and links to " + Routes.organisation(id) + " will find nothing",
                    renamed + "; if the organisation was removed on purpose, nothing needs doing");
        }
    }

    private static final String PREVIEW_START = "was in the content when the preview started";

    /** The pages of the recommendations of the site's own plans ("plans/x/recommendations/3/"), of those of {@code published}. */
    private static java.util.NavigableSet<String> recommendationPages(Set<String> published) {
        java.util.NavigableSet<String> pages = new TreeSet<>();
        for (String path : published) {
            if (path.startsWith(Routes.PLANS) && path.endsWith("/index.html") && path.contains("/recommendations/")) {
                pages.add(path.substring(0, path.length() - "index.html".length()));
            }
        }
        return pages;
    }

    /** The pages of the recommendations of the archive's plans, as {@link #recommendationPages} finds them in a site. */
    static java.util.NavigableSet<String> recommendationPages(Archive archive) {
        java.util.NavigableSet<String> pages = new TreeSet<>();
        archive.plans().forEach(plan -> plan.recommendations().forEach(r -> pages.add(Routes.recommendation(plan.id(), r.number()))));
        return pages;
    }

    /**
     * A recommendation of a plan still in the content whose page was shown before ({@code before}) and is not made now: most
     * often its file was deleted or renamed by mistake, and nothing else would say so (the plan's page even tells readers that
     * the plan as published has no such recommendation, where it was not the last). Told once, as a plan gone is; a plan gone whole is told as that, not by each of its recommendations.
     */
    private static void warnOfRecommendations(java.util.NavigableSet<String> before, Archive archive, Path content, String shownBefore, Problems problems) {
        if (before.isEmpty()) {
            return;
        }
        Set<String> now = recommendationPages(archive);
        for (Plan plan : archive.plans()) {
            String prefix = Routes.plan(plan.id()) + "recommendations/";
            for (String page : before.subSet(prefix, prefix + Character.MAX_VALUE)) {
                if (now.contains(page)) {
                    continue;
                }
                // its number as its address gives it: plain numbers are (3), others only as their address ("3-1" for 3.1)
                String slug = page.substring(prefix.length(), page.length() - 1);
                String which = slug.chars().allMatch(Character::isDigit) ? "recommendation " + slug : "the recommendation at " + page;
                problems.warning(Location.of(content.resolve("plans").resolve(plan.id()).resolve("recommendations").toString()),
                        which + " of plan '" + plan.id() + "' " + shownBefore + " and is no longer in the content: "
                                + (shownBefore.equals(LAST_BUILD) ? "this build removes" : "a build removes") + " its page, links to "
                                + page + " will find nothing",
                        "if its file was deleted or renamed by mistake, put it back ('git status' lists a deleted file, and 'git restore'"
                                + " followed by its path brings it back); if the plan as published no longer has it, say so in the notes"
                                + " of its source (source: notes:)");
            }
        }
    }

    /**
     * @param organisation the organisation whose own site this is, or null for the partnership's
     * @param folder       where that site is in the output folder: "" or the organisation's folder
     * @param shownBefore  how the warning says the plan was shown before
     */
    private static void warn(Set<String> before, Archive archive, String organisation, String folder, Path content, String shownBefore,
                             Problems problems) {
        Predicate<Plan> onSite = organisation == null ? plan -> true
                : plan -> plan.actions().anyMatch(action -> action.isOwnedBy(organisation));
        List<Plan> shown = archive.plans().stream().filter(onSite).toList();
        Set<String> now = new TreeSet<>();
        for (Plan plan : shown) {
            now.add(plan.id());
            now.addAll(plan.formerIds());
        }
        // the plans that are new to the site: one of them may be a vanished plan renamed
        List<String> arrived = shown.stream().map(Plan::id).filter(id -> !before.contains(id)).toList();
        String site = folder.isEmpty() ? "this organisation's site" : "the site of organisation '" + organisation + "' (" + folder + ")";
        for (String id : before) {
            if (now.contains(id)) {
                continue;
            }
            String links = folder + Routes.plan(id);
            Optional<Plan> kept = archive.plans().stream().filter(plan -> plan.id().equals(id) || plan.formerIds().contains(id)).findFirst();
            if (kept.isPresent()) {
                // only an organisation's own site leaves out a plan of the content
                problems.warning(Location.of(content.resolve("plans").resolve(kept.get().id()).toString()), "plan '" + kept.get().id()
                                + "' was published on " + site + " by the last build, and organisation '" + organisation
                                + "' no longer owns any of its actions: this build removes its pages from that site, and links to "
                                + links + " will find nothing",
                        "if an action's owner was changed by mistake, give it back to '" + organisation + "' in plans/" + kept.get().id()
                                + "/recommendations; if '" + organisation + "' no longer owns any of the plan's actions, nothing needs doing");
                continue;
            }
            if (!folder.isEmpty()) {
                // a plan gone from the content is told once, for the site itself, which published it too
                continue;
            }
            String renamed = arrived.size() == 1 ? "if it is plan '" + arrived.get(0) + "' under a new name, add former_ids: [" + id
                    + "] to plans/" + arrived.get(0) + "/plan.yaml"
                    : "if its folder was renamed, add former_ids: [" + id + "] to the renamed plan's plan.yaml";
            problems.warning(Location.of(content.resolve("plans").resolve(id).toString()), "plan '" + id + "' " + shownBefore
                            + " and is no longer in the content: " + (shownBefore.equals(LAST_BUILD) ? "this build removes" : "a build removes")
                            + " its pages, and links to " + links + " will find nothing",
                    renamed + ", so that its old addresses lead to the new ones; if the plan was withdrawn on purpose, nothing needs doing");
        }
    }
}
