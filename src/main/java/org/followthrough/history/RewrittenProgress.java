package org.followthrough.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;
import org.followthrough.source.Node;
import org.followthrough.source.SourceFile;
import org.followthrough.source.YamlReader;

/**
 * Progress updates are a plan's published history: editors add new ones and leave earlier ones as they were. Where
 * the content is in a Git repository, each dated update that the last commit holds in a recommendation file, and that
 * file no longer holds as it was (changed, or gone), is told as a warning, before the change is committed. A repository
 * that cannot be read gives no warning; nothing here stops a build.
 */
public final class RewrittenProgress {

    private RewrittenProgress() {
    }

    /** @param display how problems name the content folder ("content") */
    public static void warn(Path content, String display, Problems problems) {
        warn(content, display, changed(content), problems);
    }

    /**
     * The recommendation files of the content that differ from the last commit's, by their paths from the content
     * folder; none where the content is in no repository, or one without a commit.
     */
    public static java.util.Set<String> changed(Path content) {
        java.util.Set<String> found = new TreeSet<>();
        withHead(content, (repository, head, plans) -> {
            Status status = new Git(repository).status().addPath(plans).call();
            for (java.util.Set<String> paths : List.of(status.getModified(), status.getChanged())) {
                paths.stream().filter(RewrittenProgress::isRecommendation).forEach(path -> found.add(path.substring(contentFolder(plans).length())));
            }
        });
        return found;
    }

    /**
     * The same for the given files of the content only (by their paths from the content folder), without asking Git which
     * files changed: for {@code serve}, which the file system tells of each file saved.
     */
    public static void warn(Path content, String display, java.util.Collection<String> files, Problems problems) {
        if (files.stream().noneMatch(RewrittenProgress::isRecommendation)) {
            return;
        }
        withHead(content, (repository, head, plans) -> {
            for (String file : new TreeSet<>(files)) {
                compareWithHead(repository, head, plans, contentFolder(plans) + file, display, problems);
            }
        });
    }

    private interface AtHead {
        void run(Repository repository, ObjectId head, String plans) throws IOException, GitAPIException;
    }

    /** Runs {@code work} with the content's repository, the tree of its last commit and the plans folder's path in it, if there are both. */
    private static void withHead(Path content, AtHead work) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(content.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return;
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            ObjectId head = repository.isBare() ? null : repository.resolve(Constants.HEAD + "^{tree}");
            if (head == null) {
                return;
            }
            work.run(repository, head, GitHistory.plansPath(repository, content));
        } catch (IOException | GitAPIException | RuntimeException e) {
            // unreadable history, or a file that is not UTF-8 (told where it is read): nothing to compare
        }
    }

    /** The content folder's path in the repository, with its '/' ("" at the top), from its plans folder's ("content/plans"). */
    private static String contentFolder(String plans) {
        return plans.substring(0, plans.length() - "plans".length());
    }

    private static boolean isRecommendation(String path) {
        return path.matches("(.*/)?recommendations/[^/]+\\.ya?ml");
    }

    /** Compares a recommendation file (by its path in the repository) with the last commit's, where that holds it. */
    private static void compareWithHead(Repository repository, ObjectId head, String plans, String path, String display, Problems problems)
            throws IOException {
        if (!isRecommendation(path) || !path.startsWith(plans + "/")) {
            return;
        }
        String inContent = contentFolder(plans);
        Path file = repository.getWorkTree().toPath().resolve(path);
        try (TreeWalk walk = TreeWalk.forPath(repository, path, head)) {
            if (walk == null || !Files.isRegularFile(file)) {
                return;
            }
            String name = display.isEmpty() || display.equals(".") ? path.substring(inContent.length())
                    : display + "/" + path.substring(inContent.length());
            String before = new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            compare(name, before, Files.readString(file, StandardCharsets.UTF_8), problems);
        }
    }

    /** One progress update as written: its date, and all its fields as text, without where they were written. */
    private record Update(String action, String date, String fields, Location at) {
    }

    /** Warns of each dated update of {@code before} that {@code now} (the file {@code name} as it is) does not hold as it was. */
    static void compare(String name, String before, String now, Problems problems) {
        Problems ignored = new Problems();
        Optional<Node> old = YamlReader.read(new SourceFile(name, name, before), ignored);
        Optional<Node> current = YamlReader.read(new SourceFile(name, name, now), ignored);
        if (old.isEmpty() || current.isEmpty()) {
            return; // a file that cannot be read now is told as such where it is checked
        }
        Map<String, Node.Mapping> holders = holders(current.get());
        List<Update> kept = updates(holders);
        for (Update was : updates(holders(old.get()))) {
            if (was.date() == null || kept.stream().anyMatch(u -> u.action().equals(was.action()) && u.fields().equals(was.fields()))) {
                continue;
            }
            Optional<Update> sameDay = kept.stream().filter(u -> u.action().equals(was.action()) && was.date().equals(u.date())).findFirst();
            String which = "the progress update of " + was.date() + (was.action().isEmpty() ? " for the recommendation" : " of action " + was.action());
            Location action = holders.containsKey(was.action()) ? holders.get(was.action()).location() : Location.of(name);
            problems.warning(sameDay.map(Update::at).orElse(action),
                    which + (sameDay.isPresent() ? " differs from the last commit's" : " that the last commit holds is no longer in this file"),
                    "progress updates are the plan's published history: leave earlier ones as they were, and add a new update"
                            + " (followthrough new update) to correct or add to them; if this is a correction of a mistake in"
                            + " writing it down, commit it as one");
        }
    }

    /** What holds progress in a recommendation file: the recommendation itself, by "", then each action, by its ref. */
    private static Map<String, Node.Mapping> holders(Node root) {
        Map<String, Node.Mapping> holders = new LinkedHashMap<>();
        if (!(root instanceof Node.Mapping recommendation)) {
            return holders;
        }
        holders.put("", recommendation);
        if (recommendation.entry("actions").map(Node.Mapping.Entry::value).orElse(null) instanceof Node.Sequence actions) {
            for (Node action : actions.items()) {
                if (action instanceof Node.Mapping fields && fields.entry("ref").map(Node.Mapping.Entry::value).orElse(null) instanceof Node.Scalar ref) {
                    holders.putIfAbsent(ref.text(), fields);
                }
            }
        }
        return holders;
    }

    /** The progress updates of each holder, in the file's order. */
    private static List<Update> updates(Map<String, Node.Mapping> holders) {
        List<Update> updates = new ArrayList<>();
        holders.forEach((action, holder) -> progress(holder, action, updates));
        return updates;
    }

    private static void progress(Node.Mapping holder, String action, List<Update> updates) {
        if (holder.entry("progress").map(Node.Mapping.Entry::value).orElse(null) instanceof Node.Sequence list) {
            for (Node item : list.items()) {
                if (item instanceof Node.Mapping update) {
                    String date = update.entry("date").map(Node.Mapping.Entry::value).orElse(null) instanceof Node.Scalar d ? d.text().strip() : null;
                    updates.add(new Update(action, date, canonical(update), update.location()));
                }
            }
        }
    }

    /** A value as text, its fields in name order and its texts without the space at their ends: the same however it is laid out. */
    private static String canonical(Node node) {
        if (node instanceof Node.Scalar scalar) {
            return "'" + scalar.text().strip() + "'";
        }
        if (node instanceof Node.Sequence sequence) {
            return sequence.items().stream().map(RewrittenProgress::canonical).toList().toString();
        }
        Map<String, String> fields = new TreeMap<>();
        ((Node.Mapping) node).entries().forEach(e -> fields.put(e.key(), canonical(e.value())));
        return fields.toString();
    }
}
