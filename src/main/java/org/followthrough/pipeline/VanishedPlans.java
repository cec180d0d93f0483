package org.followthrough.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.followthrough.model.Archive;
import org.followthrough.model.Plan;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.render.Routes;

/**
 * A plan the site being replaced published and this build does not: its pages go, and links to them (in the news, in
 * board papers, in letters to families) find nothing. Most often its folder was renamed and {@code former_ids} was
 * forgotten, so the build that removes the pages says so, once: the build after it no longer finds them published.
 */
final class VanishedPlans {

    private VanishedPlans() {
    }

    /**
     * @param published the paths of the files the site being replaced lists as published (none for a new site)
     * @param content   the content folder, which the warnings name the plans' folders in
     */
    static void warn(Set<String> published, Archive archive, Path content, Problems problems) {
        Set<String> before = new TreeSet<>();
        int start = Routes.PLANS.length();
        for (String path : published) {
            // a plan's page, plans/<id>/index.html, looked at without splitting each of the site's paths
            int end = path.length() - "/index.html".length();
            if (end > start && path.startsWith(Routes.PLANS) && path.endsWith("/index.html") && path.indexOf('/', start) == end) {
                before.add(path.substring(start, end));
            }
        }
        if (before.isEmpty()) {
            return;
        }
        Set<String> now = new TreeSet<>();
        for (Plan plan : archive.plans()) {
            now.add(plan.id());
            now.addAll(plan.formerIds());
        }
        // the plans that are new to the site: one of them may be a vanished plan renamed
        List<String> arrived = archive.plans().stream().map(Plan::id).filter(id -> !before.contains(id)).toList();
        for (String id : before) {
            if (now.contains(id)) {
                continue;
            }
            String renamed = arrived.size() == 1 ? "if it is plan '" + arrived.get(0) + "' under a new name, add former_ids: [" + id
                    + "] to plans/" + arrived.get(0) + "/plan.yaml"
                    : "if its folder was renamed, add former_ids: [" + id + "] to the renamed plan's plan.yaml";
            problems.warning(Location.of(content.resolve("plans").resolve(id).toString()), "plan '" + id
                            + "' was published by the last build and is no longer in the content: this build removes its pages, and"
                            + " links to " + Routes.plan(id) + " will find nothing",
                    renamed + ", so that its old addresses lead to the new ones; if the plan was withdrawn on purpose, nothing needs doing");
        }
    }
}
