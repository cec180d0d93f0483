package org.followthrough.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** Writes a large, valid content folder for benchmarks and limits: many plans, organisations and dated updates. */
public final class SyntheticContent {

    private SyntheticContent() {
    }

    /** The most actions written to one recommendation file, which keeps each file well under the size limit. */
    static final int ACTIONS_PER_FILE = 1_000;

    /** One plan of {@code actions} actions, spread over recommendations of at most {@value #ACTIONS_PER_FILE} actions each. */
    public static void largePlan(Path root, int actions) throws IOException {
        write(root, 1, (actions + ACTIONS_PER_FILE - 1) / ACTIONS_PER_FILE, ACTIONS_PER_FILE, actions, 2);
    }

    public static void write(Path root, int plans, int recommendationsPerPlan, int actionsPerRecommendation, int organisations)
            throws IOException {
        write(root, plans, recommendationsPerPlan, actionsPerRecommendation, recommendationsPerPlan * actionsPerRecommendation, organisations);
    }

    private static void write(Path root, int plans, int recommendationsPerPlan, int actionsPerRecommendation, int actionsPerPlan,
                              int organisations) throws IOException {
        Files.createDirectories(root.resolve("organisations"));
        write(root.resolve("site.yaml"), """
                title: Benchmark archive
                publisher: Benchmark
                base_url: https://bench.example/
                language: en-GB
                time_zone: Europe/London
                themes:
                  - {id: risk-assessment, label: Risk assessment}
                  - {id: information-sharing, label: Information sharing}
                  - {id: families-and-carers, label: Involving families and carers}
                """);
        for (int o = 0; o < organisations; o++) {
            write(root.resolve("organisations/org-" + o + ".yaml"), "name: Organisation " + o + "\ntype: nhs_trust\n");
        }
        for (int p = 0; p < plans; p++) {
            Path folder = root.resolve("plans/plan-" + p);
            Files.createDirectories(folder.resolve("recommendations"));
            int a = p % organisations;
            int b = (p + 1) % organisations;
            LocalDate published = LocalDate.of(2015 + p % 10, 1 + p % 12, 1 + p % 28);
            write(folder.resolve("plan.yaml"), String.format(Locale.ROOT, """
                    title: Plan %d after an independent investigation
                    reference: BENCH/%d
                    kind: independent_investigation
                    organisations: [org-%d, org-%d]
                    published: %s
                    start: %s
                    summary: |
                      A **summary** of plan %d, with a [link](https://example.org/%d) and a list:

                      - first point
                      - second point
                    """, p, p, a, b, published, published, p, p));
            int left = actionsPerPlan;
            for (int r = 1; r <= recommendationsPerPlan; r++) {
                StringBuilder rec = new StringBuilder(String.format(Locale.ROOT, """
                        number: "%d"
                        title: Recommendation %d of plan %d
                        text: |
                          The trust should make sure that recommendation %d is carried out and that its effect is measured every quarter.
                        lead: [org-%d]
                        themes: [%s]
                        actions:
                        """, r, r, p, r, a, SYNTHETIC_THEMES[r % SYNTHETIC_THEMES.length]));
                int count = Math.min(actionsPerRecommendation, left);
                left -= count;
                for (int x = 1; x <= count; x++) {
                    LocalDate target = published.plusMonths(6L * (1 + (x - 1) % 8)); // within four years, however many actions
                    rec.append(String.format(Locale.ROOT, """
                              - ref: "%d.%d"
                                description: Carry out part %d of recommendation %d, and report on it to the board.
                                owners:
                                  - {organisation: org-%d, role: Director of Nursing}
                                target: %s
                                status: in-progress
                                progress:
                                  - date: %s
                                    status: in-progress
                                    text: Work has started on part %d.
                                  - date: %s
                                    status: %s
                                    text: |
                                      Part %d has been *reviewed*; the audit found 97%% compliance.
                            """, r, x, x, r, x % 2 == 0 ? a : b, target, published.plusMonths(1), x, published.plusMonths(7),
                            x % 3 == 0 ? "in-progress" : "completed", x));
                }
                write(folder.resolve(String.format(Locale.ROOT, "recommendations/%02d.yaml", r)), rec.toString());
            }
        }
    }

    /** Every recommendation comes under one of the three themes, so that theme pages grow with the archive as in real use. */
    private static final String[] SYNTHETIC_THEMES = {"risk-assessment", "information-sharing", "families-and-carers"};

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
