package org.followthrough.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.followthrough.history.ChangeHistory;
import org.followthrough.history.GitHistory;

/**
 * Measures reading the change history: synthetic repositories of P plans and C commits, each commit
 * changing one plan chosen at random (seeded), and the processor time of {@link GitHistory#read}, best
 * of three. The time per commit should stay flat as the plans and the commits grow. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.followthrough.bench.HistoryBenchmark [plans:commits...]},
 * e.g. {@code 500:1000 500:4000 2000:4000}.
 */
public final class HistoryBenchmark {

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] sizes = args.length == 0 ? new String[] {"500:1000", "500:4000", "2000:4000"} : args;
        System.out.printf(Locale.ROOT, "%8s %8s %12s %14s%n", "plans", "commits", "ms (CPU)", "µs per commit");
        for (String size : sizes) {
            String[] parts = size.split(":");
            int plans = Integer.parseInt(parts[0]);
            int commits = Integer.parseInt(parts[1]);
            Path root = Files.createTempDirectory("history-bench");
            makeRepository(root, plans, commits);
            long best = Long.MAX_VALUE;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int round = 0; round < 3; round++) {
                long start = threads.getCurrentThreadCpuTime();
                ChangeHistory history = GitHistory.read(root.resolve("content"));
                best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
                if (history.status() != ChangeHistory.Status.RECORDED || history.plans().isEmpty()) {
                    throw new IllegalStateException("no history read: " + history.status());
                }
            }
            System.out.printf(Locale.ROOT, "%8d %8d %12.0f %14.1f%n", plans, commits, best / 1e6, best / 1e3 / commits);
        }
    }

    /** Writes the commits straight into the object database: a work tree of one file per plan, all committed. */
    private static void makeRepository(Path root, int plans, int commits) throws Exception {
        Random random = new Random(42);
        try (Repository repository = FileRepositoryBuilder.create(root.resolve(".git").toFile())) {
            repository.create();
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                ObjectId[] planTrees = new ObjectId[plans];
                String[] texts = new String[plans];
                for (int p = 0; p < plans; p++) {
                    texts[p] = "title: Plan " + p + "\n";
                    planTrees[p] = planTree(inserter, texts[p]);
                }
                ObjectId parent = null;
                PersonIdent who = new PersonIdent("Bench", "bench@example.org", java.time.Instant.parse("2020-01-01T00:00:00Z"),
                        java.time.ZoneOffset.UTC);
                for (int c = 0; c < commits; c++) {
                    int p = c < plans ? c : random.nextInt(plans);
                    texts[p] = texts[p] + "progress " + c + "\n";
                    planTrees[p] = planTree(inserter, texts[p]);
                    TreeFormatter plansTree = new TreeFormatter();
                    String[] names = new String[plans];
                    for (int i = 0; i < plans; i++) {
                        names[i] = String.format(Locale.ROOT, "plan-%06d", i);
                    }
                    for (int i = 0; i < plans; i++) {
                        plansTree.append(names[i], FileMode.TREE, planTrees[i]);
                    }
                    TreeFormatter content = new TreeFormatter();
                    content.append("plans", FileMode.TREE, inserter.insert(plansTree));
                    TreeFormatter top = new TreeFormatter();
                    top.append("content", FileMode.TREE, inserter.insert(content));
                    CommitBuilder commit = new CommitBuilder();
                    commit.setTreeId(inserter.insert(top));
                    if (parent != null) {
                        commit.setParentId(parent);
                    }
                    PersonIdent at = new PersonIdent(who, who.getWhenAsInstant().plusSeconds(3600L * c));
                    commit.setAuthor(at);
                    commit.setCommitter(at);
                    commit.setMessage("Change " + c);
                    parent = inserter.insert(commit);
                }
                inserter.flush();
                RefUpdate head = repository.updateRef(Constants.R_HEADS + "master");
                head.setNewObjectId(parent);
                head.forceUpdate();
                // The work tree as committed, so that no plan counts as changed and not yet committed.
                for (int p = 0; p < plans; p++) {
                    Path file = root.resolve(String.format(Locale.ROOT, "content/plans/plan-%06d/plan.yaml", p));
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, texts[p], StandardCharsets.UTF_8);
                }
            }
            try (org.eclipse.jgit.api.Git git = new org.eclipse.jgit.api.Git(repository)) {
                git.add().addFilepattern("content").call();
            }
        }
    }

    private static ObjectId planTree(ObjectInserter inserter, String text) throws Exception {
        TreeFormatter tree = new TreeFormatter();
        tree.append("plan.yaml", FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8)));
        return inserter.insert(tree);
    }
}
