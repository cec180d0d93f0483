package org.followthrough.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A content folder the benchmark builds, and the Hugo site holding the same plans if there is one.
 *
 * @param name     how the report names it: never a path on the machine it ran on
 * @param hugoSite the Hugo site to compare with, or null
 */
record Corpus(String name, Path content, Path hugoSite, int plans, int actions) {

    /** The name of the repository's own content folder, which some targets name. */
    static final String SHIPPED = "shipped content";

    private static final Pattern ACTION = Pattern.compile("^\\s*- ref:", Pattern.MULTILINE);

    /** Counts the plans (folders with a plan.yaml) and actions (list items starting "- ref:") of a content folder. */
    static Corpus counted(String name, Path content, Path hugoSite) throws IOException {
        int plans = 0;
        int actions = 0;
        try (Stream<Path> walk = Files.walk(content.resolve("plans"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().equals("plan.yaml")) {
                    plans++;
                } else if (file.getParent().getFileName().toString().equals("recommendations")) {
                    actions += (int) ACTION.matcher(Files.readString(file)).results().count();
                }
            }
        }
        return new Corpus(name, content, hugoSite, plans, actions);
    }

    /** "synthetic: 100 plans, 2,957 actions". */
    String label() {
        return String.format(Locale.ROOT, "%s: %,d plan%s, %,d actions", name, plans, plans == 1 ? "" : "s", actions);
    }

    boolean isShipped() {
        return name.equals(SHIPPED);
    }

    boolean hasHugo() {
        return hugoSite != null;
    }
}
