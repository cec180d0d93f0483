package org.followthrough.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.Limits;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * The content folder read and parsed, laid out as the format describes: site.yaml, one file per
 * organisation, one folder per plan. Files in the wrong place or with the wrong extension are
 * reported here, so that nothing an editor wrote is silently ignored.
 */
public record LoadedContent(
        ContentFiles files,
        Optional<ParsedFile> site,
        List<Identified> organisations,
        List<PlanSource> plans) {

    /** A file whose name (or folder name) is its id. */
    public record Identified(String id, ParsedFile parsed) {
    }

    public record PlanSource(String id, ParsedFile plan, List<ParsedFile> recommendations) {
    }

    public static LoadedContent load(ContentFiles files, Problems problems) {
        return load(files, problems, java.util.Set.of());
    }

    /** Loads the content but for the plans in {@code reused}, which were checked and assembled before and have not changed. */
    public static LoadedContent load(ContentFiles files, Problems problems, java.util.Set<String> reused) {
        Optional<ParsedFile> site = files.get("site.yaml").flatMap(f -> parse(f, files, problems));
        Optional<String> inside = files.get("site.yaml").isPresent() || files.isRefused("site.yaml") || holdsContent(files, "")
                ? Optional.empty()
                : files.paths("").stream().filter(p -> p.endsWith("/site.yaml") && p.indexOf('/') == p.lastIndexOf('/'))
                        .filter(p -> holdsContent(files, p.substring(0, p.indexOf('/') + 1))).sorted().findFirst();
        if (inside.isPresent()) {
            // a repository's root, say, given for its content folder: its other files would each be told as no content
            String folder = files.display(inside.get().substring(0, inside.get().indexOf('/')));
            problems.error(Location.of(files.display("site.yaml")), "site.yaml is missing here, but " + files.display(inside.get())
                            + " is there: this looks like the folder that holds the content folder, not the content folder itself",
                    "give the content folder, --content " + (folder.matches("[\\w./:\\\\-]+") ? folder : "'" + folder + "'"));
            return new LoadedContent(files, Optional.empty(), List.of(), List.of());
        }
        if (files.get("site.yaml").isEmpty() && !files.isRefused("site.yaml")) {
            problems.error(Location.of(files.display("site.yaml")), "site.yaml is missing",
                    "create it with title, publisher, base_url, language and time_zone (see the content format reference)");
        }
        List<String> organisationPaths = new ArrayList<>();
        List<PlanSource> plans = new ArrayList<>();
        List<String> planIds = new ArrayList<>();
        // By path: the files of plans reused are not read.
        for (String path : files.paths("")) {
            String[] parts = path.split("/");
            if (path.equals("site.yaml")) {
                continue;
            }
            if (parts[0].equals("organisations") && parts.length == 2 && path.endsWith(".yaml")) {
                organisationPaths.add(path);
            } else if (parts[0].equals("plans") && parts.length == 3 && parts[2].equals("plan.yaml")) {
                planIds.add(parts[1]);
            } else if (parts[0].equals("plans") && parts.length >= 3 && path.endsWith(".md")) {
                continue; // Markdown is read where a YAML file refers to it
            } else if (parts[0].equals("plans") && parts.length == 4 && parts[2].equals("recommendations") && path.endsWith(".yaml")) {
                continue; // read with its plan
            } else if (parts[0].equals("assets")) {
                continue; // images such as logos, copied as they are
            } else if (isEditorsCopy(parts[parts.length - 1])) {
                // made by an editor while a file is open or saved (10.yaml~, #10.yaml#, 10.yaml.bak): not the editor's
                // mistake, and not to stop a preview while they work
                problems.warning(Location.of(files.display(path)), "this looks like a backup or autosave copy an editing program made, and"
                        + " is not read", "delete it once you no longer need it, or have Git ignore it (add it to .gitignore) so that it is"
                        + " not committed");
            } else {
                problems.error(Location.of(files.display(path)), "this file is not part of the content format and is not read",
                        hint(path));
            }
        }
        // Organisations and plans are independent of one another: parse them in parallel, keeping their order.
        List<Identified> organisations = organisationPaths.parallelStream()
                .map(path -> loadOrganisation(files, path, problems))
                .flatMap(Optional::stream)
                .toList();
        planIds.parallelStream()
                .filter(planId -> !reused.contains(planId))
                .map(planId -> loadPlan(files, planId, problems))
                .toList()
                .forEach(plan -> plan.ifPresent(plans::add));
        // A plan's folder holding its recommendations or its Markdown but no plan.yaml is told once, not left out without a word.
        java.util.Set<String> withPlanFile = new java.util.HashSet<>(planIds);
        for (String path : files.paths("plans")) {
            String[] parts = path.split("/");
            boolean planContent = parts.length >= 4 && parts[2].equals("recommendations") && path.endsWith(".yaml")
                    || parts.length >= 3 && path.endsWith(".md");
            if (planContent && withPlanFile.add(parts[1]) && !files.isRefused("plans/" + parts[1] + "/plan.yaml")) {
                String folder = "plans/" + parts[1];
                Optional<String> miscased = files.paths(folder).stream().filter(p -> p.equalsIgnoreCase(folder + "/plan.yaml")).findFirst();
                problems.error(Location.of(files.display(folder + "/plan.yaml")), "plan folder '" + parts[1] + "' has no plan.yaml",
                        miscased.map(p -> "rename " + p.substring(folder.length() + 1) + " to plan.yaml: file names are told apart by"
                                        + " their capitals")
                                .orElse("create " + folder + "/plan.yaml with the plan's title, kind and organisations"));
            }
        }
        return new LoadedContent(files, site, List.copyOf(organisations), List.copyOf(plans));
    }

    /** Whether a folder ({@code ""} for the content folder, else ending in '/') holds organisations or plans, as a content folder does. */
    private static boolean holdsContent(ContentFiles files, String folder) {
        return !files.paths(folder + "organisations").isEmpty() || !files.paths(folder + "plans").isEmpty();
    }

    /** The organisation in {@code organisations/<id>.yaml}, parsed; empty where its id or its YAML is refused (and reported). */
    private static Optional<Identified> loadOrganisation(ContentFiles files, String path, Problems problems) {
        String name = path.substring("organisations/".length());
        String id = name.substring(0, name.length() - ".yaml".length());
        Optional<SourceFile> file = files.get(path); // none only where reading it failed, which is reported
        if (file.isPresent() && checkId(id, file.get(), "organisation", problems)) {
            return parse(file.get(), files, problems).map(parsed -> new Identified(id, parsed));
        }
        return Optional.empty();
    }

    private static Optional<PlanSource> loadPlan(ContentFiles files, String planId, Problems problems) {
        Optional<SourceFile> planFile = files.get("plans/" + planId + "/plan.yaml"); // none only where reading it failed, which is reported
        if (planFile.isEmpty() || !checkId(planId, planFile.get(), "plan", problems)) {
            return Optional.empty();
        }
        Optional<ParsedFile> plan = parse(planFile.get(), files, problems);
        List<ParsedFile> recommendations = new ArrayList<>();
        for (SourceFile rec : files.under("plans/" + planId + "/recommendations")) {
            if (rec.path().endsWith(".yaml") && rec.path().split("/").length == 4) {
                parse(rec, files, problems).ifPresent(recommendations::add);
            }
        }
        recommendations.sort(Comparator.comparing(p -> p.file().path()));
        return plan.map(p -> new PlanSource(planId, p, List.copyOf(recommendations)));
    }

    /**
     * The id of every organisation file with a valid name, including files that could not be parsed
     * or were refused when read: their problem is already reported, so references to them are not reported as unknown as well.
     */
    public Set<String> organisationIds() {
        Set<String> ids = new LinkedHashSet<>();
        List<String> paths = files.paths("organisations");
        paths.addAll(files.refusedPaths().stream().filter(p -> p.startsWith("organisations/")).sorted().toList());
        for (String path : paths) {
            String[] parts = path.split("/");
            if (parts.length == 2 && parts[1].endsWith(".yaml")) {
                String id = parts[1].substring(0, parts[1].length() - ".yaml".length());
                if (ContentFormat.ID.matches(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The paths the content format reads, once a file's name is in small letters: the hint to rename one is only given for these. */
    private static final java.util.regex.Pattern READ_WHEN_IN_SMALL_LETTERS = java.util.regex.Pattern.compile(
            "site\\.yaml|organisations/[^/]+\\.yaml|plans/[^/]+/plan\\.yaml|plans/[^/]+/recommendations/[^/]+\\.yaml|plans/.+\\.md");

    /** Whether a file name is one editing programs give the copies they keep: name~, #name#, name.bak, name.orig. */
    static boolean isEditorsCopy(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith("~") || name.length() > 2 && name.startsWith("#") && name.endsWith("#") || lower.endsWith(".bak")
                || lower.endsWith(".orig");
    }

    private static String hint(String path) {
        if (path.endsWith(".yml")) {
            return "name it with the extension .yaml";
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!lower.equals(name) && READ_WHEN_IN_SMALL_LETTERS.matcher(path.substring(0, path.length() - name.length()) + lower).matches()) {
            return "name it " + lower + ": file names are told apart by their capitals, and those the content format reads are in small letters";
        }
        if (lower.matches(".*\\.(png|svg|jpe?g|gif|webp|bmp|tiff?|heic)")) {
            return "images belong under assets/ (e.g. assets/" + name + "), as organisations' logos do";
        }
        if (lower.matches(".*\\.(pdf|docx?|xlsx?|odt|ods|rtf|pptx?)")) {
            return "a published document is not read from the content folder: keep it elsewhere (a plan's source field can link"
                    + " to it), or draft a plan from a Word or Excel table with import plan";
        }
        if (path.startsWith("plans/") && path.endsWith(".yaml")) {
            return "a plan's folder holds plan.yaml, Markdown files and recommendations/<n>.yaml";
        }
        return "content holds site.yaml, organisations/<id>.yaml, plans/<id>/plan.yaml, plans/<id>/recommendations/<n>.yaml, Markdown files, and images under assets/";
    }

    private static boolean checkId(String id, SourceFile file, String what, Problems problems) {
        if (ContentFormat.ID.matches(id) && id.length() > Limits.MAX_ADDRESS_PART) {
            problems.error(Location.of(file.display()), "the id " + Limits.quoteLong(id) + " is too long: an id may be"
                            + " at most " + Limits.MAX_ADDRESS_PART + " characters, as it names folders and files of the site",
                    "give the " + (what.equals("plan") ? "folder" : "file") + " a shorter name");
            return false;
        }
        if (ContentFormat.ID.matches(id)) {
            return true;
        }
        problems.error(Location.of(file.display()), "'" + id + "' cannot be the id of a" + (what.startsWith("o") ? "n " : " ") + what,
                "name the " + (what.equals("plan") ? "folder" : "file") + " with lower-case letters, digits and hyphens, e.g. '"
                        + org.followthrough.format.ContentFormat.idExample(id, what.equals("plan") ? "eput-2026-01" : "local-trust") + "'");
        return false;
    }

    private static Optional<ParsedFile> parse(SourceFile file, ContentFiles files, Problems problems) {
        if (files.isTooLarge(file.path())) {
            return Optional.empty();
        }
        return YamlReader.read(file, problems).map(root -> new ParsedFile(file, root));
    }
}
