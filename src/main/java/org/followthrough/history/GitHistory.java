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
            String plans = plansPath(repository, content);
            Map<String, Boolean> uncommitted = uncommitted(repository, plans);
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                Map<String, PlanChanges> changes = new LinkedHashMap<>();
                uncommitted.keySet().forEach(id -> changes.put(id, new PlanChanges(List.of(), true)));
                return new ChangeHistory(ChangeHistory.Status.NO_COMMITS, null, changes);
            }
            return walk(repository, head, plans, uncommitted);
        } catch (IOException | GitAPIException | RuntimeException e) {
            // A damaged repository, or one JGit cannot read, must not stop the build: the pages say the history is not known.
            return ChangeHistory.none(ChangeHistory.Status.UNREADABLE);
        }
    }

    /**
     * What the history {@link #read} gives depends on besides the content's own files, as text: the
     * commit HEAD names, and what the file system says of Git's index, of the files that tell Git which
     * files to ignore (outside the content folder) and of a shallow clone's list of missing commits.
     * For the same content files, the same text gives the same history. Empty when it cannot be told,
     * or when one of those files changed after {@code settledBy} (nanoseconds since the epoch), too
     * recently for its time to tell a later change.
     */
    public static java.util.Optional<String> state(Path content, long settledBy) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(content.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return java.util.Optional.of("no repository");
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            if (repository.isBare()) {
                return java.util.Optional.of("no repository");
            }
            StringBuilder state = new StringBuilder(repository.getDirectory().getAbsolutePath());
            ObjectId head = repository.resolve(Constants.HEAD);
            state.append('\n').append(head == null ? "no commits" : head.name());
            List<Path> files = new ArrayList<>(List.of(repository.getIndexFile().toPath(), repository.getDirectory().toPath().resolve("shallow"),
                    repository.getDirectory().toPath().resolve("info").resolve("exclude")));
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            for (Path folder = content.toRealPath(); folder != null && folder.startsWith(workTree); folder = folder.getParent()) {
                files.add(folder.resolve(Constants.DOT_GIT_IGNORE));
            }
            for (Path file : files) {
                state.append('\n').append(file);
                try {
                    var a = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    long modified = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (modified > settledBy) {
                        return java.util.Optional.empty();
                    }
                    state.append(' ').append(a.size()).append(' ').append(modified).append(' ').append(a.fileKey());
                } catch (java.nio.file.NoSuchFileException e) {
                    state.append(" none");
                }
            }
            return java.util.Optional.of(state.toString());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The plans folder's path in the repository, with forward slashes. */
    private static String plansPath(Repository repository, Path content) throws IOException {
        Path workTree = repository.getWorkTree().toPath().toRealPath();
        Path relative = workTree.relativize(content.toRealPath());
        String path = relative.toString().replace('\\', '/');
        return path.isEmpty() ? "plans" : path + "/plans";
    }

    /** The plans whose files differ from HEAD's (modified, added, removed or new and not ignored). */
    private static Map<String, Boolean> uncommitted(Repository repository, String plans) throws GitAPIException {
        var status = new Git(repository).status().addPath(plans).call();
        Map<String, Boolean> ids = new HashMap<>();
        for (Set<String> paths : List.of(status.getAdded(), status.getChanged(), status.getModified(), status.getRemoved(),
                status.getMissing(), status.getUntracked(), status.getConflicting())) {
            for (String path : paths) {
                String id = planOf(path, plans);
                if (id != null) {
                    ids.put(id, true);
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

    private static ChangeHistory walk(Repository repository, ObjectId head, String plans, Map<String, Boolean> uncommitted)
            throws IOException {
        Map<String, List<Commit>> commits = new HashMap<>();
        Instant shortenedFrom = null;
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            Set<ObjectId> shallow = reader.getShallowCommits();
            Map<ObjectId, ObjectId> plansTrees = new HashMap<>();
            walk.markStart(walk.parseCommit(head));
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
            changes.put(id, new PlanChanges(list, uncommitted.containsKey(id)));
        });
        uncommitted.keySet().forEach(id -> changes.putIfAbsent(id, new PlanChanges(List.of(), true)));
        return new ChangeHistory(ChangeHistory.Status.RECORDED, shortenedFrom, changes);
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
                commit.getAuthorIdent().getName());
    }

    private static Instant time(RevCommit commit) {
        return Instant.ofEpochSecond(commit.getCommitTime());
    }

    /** The message's first line, with control characters (which no page may hold) as spaces. */
    static String subject(String message) {
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        String line = (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
        StringBuilder clean = new StringBuilder(line.length());
        line.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }
}
