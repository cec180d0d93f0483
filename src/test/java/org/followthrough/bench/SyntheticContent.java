package org.followthrough.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes large, valid content folders for benchmarks: archives of many plans shaped like published
 * ones, and a single plan of very many actions.
 *
 * <p>An archive's plans have 8 to 22 recommendations of 1 to 3 actions, each action with 1 to 4
 * dated progress updates, and text of realistic length with some Markdown; organisations number a
 * quarter of the plans (at least 5), and each plan names 1 to 5 of them. That is the shape of the
 * reference corpus the README's benchmark figures are compared with (about 30 actions and 75
 * updates a plan). The same arguments always write the same bytes.
 */
public final class SyntheticContent {

    /** The date the content is valid at: every progress update is on or before it. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private static final String[] WORDS = ("review audit board trust staff patient family carer safeguarding risk assessment "
            + "policy training team service mental health police council prison probation referral discharge record "
            + "meeting quarterly monthly report evidence compliance clinical supervision governance learning "
            + "investigation homicide partnership agency information sharing pathway care plan escalation incident "
            + "monitoring outcome measure director nursing medical lead practitioner commissioning contract standard "
            + "guidance procedure protocol implementation progress completed delayed embedded agreed shared reviewed "
            + "community inpatient crisis ward liaison forensic offender victim housing domestic abuse multi agency "
            + "timely accurate consistent regular annual local regional national the the the and and of of to to in")
            .split(" ");

    private static final String[] STATUSES = {"not-started", "in-progress", "completed", "embedded"};
    private static final String[] TERMS = {"short", "medium", "long"};
    private static final String[] RAG = {"red", "amber", "green"};
    private static final String[] ORGANISATION_TYPES = {"nhs_trust", "police_force", "local_authority", "commissioner",
            "prison_healthcare"};
    private static final LocalDate EARLIEST_START = LocalDate.of(2012, 1, 1);

    /** How much was written. */
    public record Written(int plans, int recommendations, int actions, int updates) {

        Written plus(Written other) {
            return new Written(plans + other.plans, recommendations + other.recommendations, actions + other.actions,
                    updates + other.updates);
        }
    }

    private SyntheticContent() {
    }

    /** An archive of {@code plans} plans shaped like published ones, in {@code root} (created if need be). */
    public static Written archive(Path root, int plans) throws IOException {
        Random random = new Random(plans);
        int organisations = Math.max(5, plans / 4);
        writeSite(root, organisations, random);
        Written written = new Written(0, 0, 0, 0);
        for (int p = 0; p < plans; p++) {
            List<Integer> actionsPerRecommendation = new ArrayList<>();
            for (int r = between(random, 8, 22); r > 0; r--) {
                actionsPerRecommendation.add(between(random, 1, 3));
            }
            written = written.plus(writePlan(root, p, actionsPerRecommendation, organisations, random));
        }
        return written;
    }

    /** One plan of {@code actions} actions (in recommendations of ten), with five organisations, in {@code root}. */
    public static Written onePlan(Path root, int actions) throws IOException {
        Random random = new Random(actions);
        writeSite(root, 5, random);
        List<Integer> actionsPerRecommendation = new ArrayList<>();
        for (int left = actions; left > 0; left -= 10) {
            actionsPerRecommendation.add(Math.min(10, left));
        }
        return writePlan(root, 0, actionsPerRecommendation, 5, random);
    }

    private static void writeSite(Path root, int organisations, Random random) throws IOException {
        Files.createDirectories(root.resolve("organisations"));
        write(root.resolve("site.yaml"), """
                title: Benchmark archive
                publisher: Benchmark
                base_url: https://bench.example/
                language: en-GB
                time_zone: Europe/London
                scales:
                  grades:
                    - {code: A, label: A, description: Grade A}
                    - {code: B, label: B, description: Grade B}
                    - {code: C, label: C, description: Grade C}
                  priorities:
                    - {code: "1", label: Priority 1, description: Priority 1}
                    - {code: "2", label: Priority 2, description: Priority 2}
                    - {code: "3", label: Priority 3, description: Priority 3}
                themes:
                  - {id: risk-assessment, label: Risk assessment}
                  - {id: information-sharing, label: Information sharing}
                  - {id: families-and-carers, label: Involving families and carers}
                """);
        for (int o = 0; o < organisations; o++) {
            write(root.resolve("organisations/" + organisationId(o) + ".yaml"), String.format(Locale.ROOT, """
                    name: %s %s Organisation %d
                    type: %s
                    """, title(pick(random, WORDS)), title(pick(random, WORDS)), o, pick(random, ORGANISATION_TYPES)));
        }
    }

    /** Every recommendation comes under one of the site's three themes, so that theme pages grow with the archive as in real use. */
    private static final String[] THEMES = {"risk-assessment", "information-sharing", "families-and-carers"};

    private static Written writePlan(Path root, int p, List<Integer> actionsPerRecommendation, int organisations, Random random)
            throws IOException {
        Path folder = root.resolve(String.format(Locale.ROOT, "plans/plan-%05d", p));
        Files.createDirectories(folder.resolve("recommendations"));
        LocalDate start = EARLIEST_START.plusDays(random.nextInt(4000));
        List<String> planOrganisations = new ArrayList<>();
        for (int o = between(random, 1, Math.min(5, organisations)); o > 0; o--) {
            String id = organisationId(random.nextInt(organisations));
            if (!planOrganisations.contains(id)) {
                planOrganisations.add(id);
            }
        }
        write(folder.resolve("plan.yaml"), String.format(Locale.ROOT, """
                title: Action plan %d after an independent investigation into %s
                reference: BENCH/%05d
                kind: independent_investigation
                organisations: [%s]
                published: %s
                start: %s
                target_completion: %s
                summary:
                  file: summary.md
                """, p, sentence(random, 3, 6).replace(".", ""), p, String.join(", ", planOrganisations),
                start.plusDays(random.nextInt(100)), start, start.plusDays(random.nextInt(800))));
        write(folder.resolve("summary.md"), paragraph(random, 4) + "\n\nThe investigation found that:\n\n- "
                + sentence(random, 8, 16) + "\n- " + sentence(random, 8, 16) + "\n\nSee the [full report](https://bench.example/reports/"
                + p + ").\n");
        int digits = actionsPerRecommendation.size() < 100 ? 2 : 5;
        Written written = new Written(1, 0, 0, 0);
        for (int r = 1; r <= actionsPerRecommendation.size(); r++) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                    number: "%d"
                    title: %s
                    text: |
                      %s
                    issues_identified: |
                      - %s
                      - %s
                    priority: "%d"
                    themes: [%s]
                    actions:
                    """, r, sentence(random, 3, 8).replace(".", ""), paragraph(random, between(random, 1, 4)), sentence(random, 8, 24),
                    sentence(random, 8, 24), between(random, 1, 3), THEMES[r % THEMES.length]));
            int actions = actionsPerRecommendation.get(r - 1);
            int updates = 0;
            for (int a = 1; a <= actions; a++) {
                updates += appendAction(text, r + "." + a, start, planOrganisations, random);
            }
            write(folder.resolve(String.format(Locale.ROOT, "recommendations/%0" + digits + "d.yaml", r)), text.toString());
            written = written.plus(new Written(0, 1, actions, updates));
        }
        return written;
    }

    /** Appends one action with its dated progress updates, in date order; returns how many updates. */
    private static int appendAction(StringBuilder text, String ref, LocalDate start, List<String> organisations, Random random) {
        text.append(String.format(Locale.ROOT, """
                  - ref: "%s"
                    description: |
                      %s
                    owners:
                      - organisation: %s
                        role: %s %s
                    target: %s
                    success_measure: %s
                    desired_outcome: %s
                    evidence:
                      - text: %s
                    term: %s
                    rag: %s
                    progress:
                """, ref, paragraph(random, between(random, 1, 4)), organisations.get(random.nextInt(organisations.size())),
                title(pick(random, WORDS)), title(pick(random, WORDS)), start.plusDays(random.nextInt(700)), sentence(random, 8, 24),
                sentence(random, 8, 24), sentence(random, 4, 10), pick(random, TERMS), pick(random, RAG)));
        int updates = between(random, 1, 4);
        List<LocalDate> dates = new ArrayList<>();
        for (int u = 0; u < updates; u++) {
            dates.add(start.plusDays(random.nextInt(900)));
        }
        dates.sort(null);
        for (LocalDate date : dates) {
            text.append(String.format(Locale.ROOT, """
                          - date: %s
                            status: %s
                            grade: %s
                            text: |
                              %s
                    """, date, pick(random, STATUSES), "ABC".charAt(random.nextInt(3)), paragraph(random, between(random, 2, 6))));
        }
        return updates;
    }

    private static String organisationId(int o) {
        return String.format(Locale.ROOT, "org-%03d", o);
    }

    /** Sentences on one line, one of them with emphasis, so that Markdown has something to do. */
    private static String paragraph(Random random, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            String sentence = sentence(random, 8, 24);
            text.append(s == 0 ? "" : " ").append(s == 1 ? "**" + sentence.replace(".", "") + "**." : sentence);
        }
        return text.toString();
    }

    private static String sentence(Random random, int fewest, int most) {
        StringBuilder text = new StringBuilder(title(pick(random, WORDS)));
        for (int w = between(random, fewest, most) - 1; w > 0; w--) {
            text.append(' ').append(pick(random, WORDS));
        }
        return text.append('.').toString();
    }

    private static String title(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static int between(Random random, int fewest, int most) {
        return fewest + random.nextInt(most - fewest + 1);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
