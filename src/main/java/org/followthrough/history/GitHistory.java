package org.followthrough.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Reads which commits changed each plan's folder ({@code plans/<id>/} under the content folder)
 * from the Git repository the content folder is in, with JGit: no git program is needed.
 *
 * <p>The log is walked once for all plans. For each commit only the plans folder's tree is
 * compared with its parents', and an unchanged subtree is skipped whole, so the cost grows with
 * the number of commits and of plans they change, not with commits times plans. A commit changed a
 * plan when the plan's folder differs from that in each of its parents (so a merge that only brings
 * in a branch's changes is not counted; the branch's own commits are). A shallow clone's earliest
 * commits have no parents here: what they changed is not known, so they count for no plan, and the
 * history says from when it is complete.
 *
 * <p>Everything read is a function of the commits reachable from HEAD and of the working files, so
 * the same commit always gives the same history.
 */
public final class GitHistory {

    /** Abbreviated commit ids: long enough to stay unique in a repository of any size a site has. */
    private static final int ID_LENGTH = 12;

    private GitHistory() {
    }

    /** The content folder's history, or what stopped it being read. Never throws. */
    public static ChangeHistory read(Path content) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(content.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return ChangeHistory.none(ChangeHistory.Status.NO_REPOSITORY);
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            if (repository.isBare()) {
                return ChangeHistory.none(ChangeHistory.Status.NO_REPOSITORY);
            }
            Source source = source(repository, content);
            if (source.head() == null) {
                Map<String, PlanChanges> changes = new LinkedHashMap<>();
                source.uncommitted().forEach(id -> changes.put(id, new PlanChanges(List.of(), true)));
                return new ChangeHistory(ChangeHistory.Status.NO_COMMITS, null, changes, source.text());
            }
            return walk(repository, source);
        } catch (IOException | GitAPIException | RuntimeException e) {
            // A damaged repository, or one JGit cannot read, must not stop the build: the pages say the history is not known.
            return ChangeHistory.none(ChangeHistory.Status.UNREADABLE);
        }
    }

    /**
     * What the history {@link #read} would give depends on besides the commits' own contents, as text
     * ({@link ChangeHistory#source}), without walking the log: the repository, the commit HEAD names, the
     * commits a shallow clone lacks, and which plans have changes not yet committed (Git's own status of
     * the plans folder, whatever decided it: the index, ignore files, Git's settings). Empty when the
     * repository cannot be read.
     */
    public static java.util.Optional<String> state(Path content) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(content.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return java.util.Optional.of(ChangeHistory.NO_REPOSITORY_SOURCE);
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            return java.util.Optional.of(repository.isBare() ? ChangeHistory.NO_REPOSITORY_SOURCE : source(repository, content).text());
        } catch (IOException | GitAPIException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Where a history is read from: the plans folder's path in the repository, the commit HEAD names (null
     * before the first commit), the plans with changes not yet committed, and all of it, with the shallow
     * clone's missing commits, as text.
     */
    private record Source(String plans, ObjectId head, java.util.SortedSet<String> uncommitted, Set<ObjectId> shallow, String text) {
    }

    private static Source source(Repository repository, Path content) throws IOException, GitAPIException {
        String plans = plansPath(repository, content);
        java.util.SortedSet<String> uncommitted = uncommitted(repository, plans);
        ObjectId head = repository.resolve(Constants.HEAD);
        Set<ObjectId> shallow;
        try (ObjectReader reader = repository.newObjectReader()) {
            shallow = reader.getShallowCommits();
        }
        String text = repository.getDirectory().getAbsolutePath() + "\n" + plans + "\n" + (head == null ? "no commits" : head.name())
                + "\nuncommitted: " + String.join(" ", uncommitted)
                + "\nshallow: " + String.join(" ", shallow.stream().map(ObjectId::name).sorted().toList());
        return new Source(plans, head, uncommitted, shallow, text);
    }

    /** The plans folder's path in the repository, with forward slashes. */
    static String plansPath(Repository repository, Path content) throws IOException {
        Path workTree = repository.getWorkTree().toPath().toRealPath();
        Path relative = workTree.relativize(content.toRealPath());
        String path = relative.toString().replace('\\', '/');
        return path.isEmpty() ? "plans" : path + "/plans";
    }

    /** The plans whose files differ from HEAD's (modified, added, removed or new and not ignored). */
    private static java.util.SortedSet<String> uncommitted(Repository repository, String plans) throws GitAPIException {
        var status = new Git(repository).status().addPath(plans).call();
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        for (Set<String> paths : List.of(status.getAdded(), status.getChanged(), status.getModified(), status.getRemoved(),
                status.getMissing(), status.getUntracked(), status.getConflicting())) {
            for (String path : paths) {
                String id = planOf(path, plans);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The plan a path in the repository belongs to, or null if it is not in a plan's folder. */
    private static String planOf(String path, String plans) {
        if (!path.startsWith(plans + "/")) {
            return null;
        }
        String rest = path.substring(plans.length() + 1);
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(0, slash);
    }

    private static ChangeHistory walk(Repository repository, Source source) throws IOException {
        String plans = source.plans();
        Set<ObjectId> shallow = source.shallow();
        Map<String, List<Commit>> commits = new HashMap<>();
        Instant shortenedFrom = null;
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            Map<ObjectId, ObjectId> plansTrees = new HashMap<>();
            walk.markStart(walk.parseCommit(source.head()));
            for (RevCommit commit : walk) {
                if (shallow.contains(commit)) {
                    Instant time = time(commit);
                    shortenedFrom = shortenedFrom == null || time.isBefore(shortenedFrom) ? time : shortenedFrom;
                    continue;
                }
                ObjectId tree = plansTree(reader, walk, commit, plans, plansTrees);
                RevCommit[] parents = commit.getParents();
                ObjectId[] parentTrees = new ObjectId[parents.length];
                boolean same = false;
                for (int i = 0; i < parents.length; i++) {
                    parentTrees[i] = plansTree(reader, walk, parents[i], plans, plansTrees);
                    same |= java.util.Objects.equals(tree, parentTrees[i]);
                }
                if (same || (tree == null && parents.length == 0)) {
                    continue;
                }
                Commit seen = null;
                for (String id : changedPlans(reader, tree, parentTrees)) {
                    if (seen == null) {
                        seen = commit(commit);
                    }
                    commits.computeIfAbsent(id, k -> new ArrayList<>()).add(seen);
                }
            }
        }
        Map<String, PlanChanges> changes = new HashMap<>();
        Comparator<Commit> newestFirst = Comparator.comparing(Commit::time).reversed();
        commits.forEach((id, list) -> {
            list.sort(newestFirst);
            changes.put(id, new PlanChanges(list, source.uncommitted().contains(id)));
        });
        source.uncommitted().forEach(id -> changes.putIfAbsent(id, new PlanChanges(List.of(), true)));
        return new ChangeHistory(ChangeHistory.Status.RECORDED, shortenedFrom, changes, source.text());
    }

    /** The id of the plans folder's tree in a commit, or null where the commit has none; each commit is looked up once. */
    private static ObjectId plansTree(ObjectReader reader, RevWalk walk, RevCommit commit, String plans, Map<ObjectId, ObjectId> known)
            throws IOException {
        if (known.containsKey(commit)) {
            return known.get(commit);
        }
        walk.parseHeaders(commit);
        ObjectId tree;
        try (TreeWalk found = TreeWalk.forPath(reader, plans, commit.getTree())) {
            tree = found == null || !found.isSubtree() ? null : found.getObjectId(0);
        }
        known.put(commit.copy(), tree);
        return tree;
    }

    /** The plan folders (entries of the plans folder that are folders) that differ from each parent's. */
    private static List<String> changedPlans(ObjectReader reader, ObjectId tree, ObjectId[] parentTrees) throws IOException {
        List<String> changed = new ArrayList<>();
        try (TreeWalk entries = new TreeWalk(reader)) {
            addTree(entries, tree);
            for (ObjectId parent : parentTrees) {
                addTree(entries, parent);
            }
            entries.setRecursive(false);
            entries.setFilter(TreeFilter.ANY_DIFF);
            while (entries.next()) {
                boolean differsFromEach = true;
                for (int i = 1; i < entries.getTreeCount(); i++) {
                    differsFromEach &= !entries.idEqual(0, i) || entries.getRawMode(0) != entries.getRawMode(i);
                }
                boolean folder = entries.isSubtree() || java.util.stream.IntStream.range(0, entries.getTreeCount())
                        .anyMatch(i -> org.eclipse.jgit.lib.FileMode.TREE.equals(entries.getRawMode(i)));
                if (differsFromEach && folder) {
                    changed.add(entries.getNameString());
                }
            }
        }
        return changed;
    }

    private static void addTree(TreeWalk walk, ObjectId tree) throws IOException {
        if (tree == null) {
            walk.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
        } else {
            walk.addTree(tree);
        }
    }

    private static Commit commit(RevCommit commit) {
        return new Commit(commit.abbreviate(ID_LENGTH).name(), time(commit), subject(commit.getFullMessage()),
                printable(commit.getAuthorIdent().getName().strip()));
    }

    /** When the commit was made, as its committer line says: not {@code getCommitTime}, which overflows after 2038. */
    private static Instant time(RevCommit commit) {
        return commit.getCommitterIdent().getWhenAsInstant();
    }

    /** The message's first line, as a page may show it (see {@link #printable}). */
    static String subject(String message) {
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return printable((end < 0 ? trimmed : trimmed.substring(0, end)).strip());
    }

    /**
     * A text of a commit as a page may show it: control characters (which no page may hold) as spaces, and without the
     * marks that reverse or embed the direction of text (U+202A to U+202E, U+2066 to U+2069), which would make a name or
     * message read as another, as content may not hold them either.
     */
    static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                clean.append(' ');
            } else if (!org.followthrough.format.Characters.BIDI_CONTROL.test(c)) {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString();
    }
}
