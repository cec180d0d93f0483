package org.followthrough.importing.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.followthrough.importing.YamlWriter;
import org.followthrough.importing.YamlWriter.Block;
import org.followthrough.importing.YamlWriter.Flow;
import org.followthrough.importing.YamlWriter.Plain;
import org.followthrough.model.DefaultScales;
import org.followthrough.model.Lifecycle;
import org.followthrough.model.ScaleEntry;

/**
 * Writes a {@link Draft} as a plan folder's files (plan.yaml and one file per recommendation), in
 * the layout editors write by hand, and says what the editor must decide before {@code check}
 * passes and what is worth a second look.
 */
final class PlanFiles {

    /** Written as a status word's lifecycle where the word does not say it; check fails on it until the editor decides. */
    static final String UNDECIDED = "decide";

    /** Status words whose lifecycle is plain from the word itself. */
    private static final Map<String, Lifecycle> PLAIN_STATUSES = Map.of(
            "completed", Lifecycle.COMPLETED, "complete", Lifecycle.COMPLETED, "in progress", Lifecycle.IN_PROGRESS,
            "not started", Lifecycle.NOT_STARTED, "closed", Lifecycle.CLOSED);

    private final Draft draft;
    private final String source;
    final List<String> decisions = new ArrayList<>();
    final List<String> checks = new ArrayList<>();

    PlanFiles(Draft draft, String source) {
        this.draft = draft;
        this.source = source;
    }

    /** The files, by path within the plan's folder. */
    Map<String, String> files(List<String> mappings, List<String> unknownOwners) {
        assignNumbersAndRefs();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("plan.yaml", plan(mappings));
        int width = draft.recommendations.size() >= 100 ? 3 : 2;
        for (int i = 0; i < draft.recommendations.size(); i++) {
            files.put("recommendations/" + String.format(Locale.ROOT, "%0" + width + "d", i + 1) + ".yaml",
                    recommendation(draft.recommendations.get(i)));
        }
        int actions = draft.recommendations.stream().mapToInt(r -> r.actions.size()).sum();
        if (actions > org.followthrough.format.Limits.MAX_ACTIONS_PER_PLAN) {
            decisions.add("the table gives " + actions + " actions, more than the " + org.followthrough.format.Limits.MAX_ACTIONS_PER_PLAN
                    + " one plan may have: split it into plans (a plan for each part of the table), or import each part on its own");
        }
        files.forEach((path, text) -> {
            long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > org.followthrough.format.Limits.MAX_FILE_BYTES) {
                decisions.add(path + " is " + org.followthrough.format.Limits.size(bytes) + ", more than the "
                        + org.followthrough.format.Limits.fileSize() + " a content file may be: split the recommendation, or move its"
                        + " long texts into Markdown files ({file: name.md})");
            }
        });
        if (!unknownOwners.isEmpty()) {
            decisions.add("owners that name no organisation in organisations/ are written as '" + PlanDrafter.UNKNOWN_ORGANISATION
                    + "': replace it with each owner's organisation id (create the organisation's file where it has none): "
                    + String.join("; ", new LinkedHashSet<>(unknownOwners)));
        }
        return files;
    }

    private void assignNumbersAndRefs() {
        Set<String> numbers = new HashSet<>();
        draft.recommendations.forEach(r -> {
            if (r.number != null) {
                numbers.add(r.number);
            }
        });
        int next = 1;
        List<String> assigned = new ArrayList<>();
        for (Draft.Recommendation r : draft.recommendations) {
            if (r.number == null) {
                while (numbers.contains(String.valueOf(next))) {
                    next++;
                }
                r.number = String.valueOf(next);
                r.numberAssigned = true;
                numbers.add(r.number);
                assigned.add(r.number);
                r.notes.add(0, "The number " + r.number + " was given on import: the table prints no number for this recommendation.");
            }
        }
        if (!assigned.isEmpty()) {
            checks.add("recommendation numbers given on import (the table prints none): " + String.join(", ", assigned));
        }
        Set<String> refs = new HashSet<>();
        List<String> given = new ArrayList<>();
        for (int i = 0; i < draft.recommendations.size(); i++) {
            Draft.Recommendation r = draft.recommendations.get(i);
            String prefix = r.number.matches("\\d+") ? r.number : String.valueOf(i + 1);
            int n = 1;
            for (Draft.Action a : r.actions) {
                if (a.ref == null || a.ref.isBlank() || !refs.add(a.ref)) {
                    String ref;
                    do {
                        ref = prefix + "." + n++;
                    } while (refs.contains(ref));
                    if (a.ref != null && !a.ref.isBlank()) {
                        a.notes.add(0, "Printed with the reference " + a.ref + ", which an earlier action also has.");
                    }
                    a.ref = ref;
                    refs.add(ref);
                    given.add(ref);
                }
            }
        }
        if (!given.isEmpty()) {
            checks.add("action references given on import (the table gives none): " + String.join(", ", given));
        }
    }

    private String plan(List<String> mappings) {
        Map<String, Object> plan = new LinkedHashMap<>();
        // A title the table does not print is left to the editor: check refuses the placeholder, so that the file's name is
        // never published as the plan's title.
        plan.put("title", draft.title == null ? org.followthrough.format.Placeholder.of("the plan's title, as published (" + source
                + " prints none)") : draft.title);
        if (draft.title == null) {
            decisions.add("the title: " + source + " prints none; write the plan's title, as published, in plan.yaml");
        }
        String kind = kind();
        plan.put("kind", new Plain(kind));
        if (kind.equals("other")) {
            checks.add("kind is 'other': choose the kind of review in plan.yaml (not_stated where the document does not say)");
        }
        Set<String> organisations = new LinkedHashSet<>();
        for (Draft.Recommendation r : draft.recommendations) {
            organisations.addAll(r.lead);
            r.actions.forEach(a -> a.owners.forEach(o -> organisations.add(o.organisation())));
        }
        plan.put("organisations", new ArrayList<>(organisations));
        if (!draft.summary.isEmpty()) {
            plan.put("summary", new Block(String.join("\n\n", draft.summary)));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Drafted with `followthrough import plan` from " + source + ". The columns were read as follows (column, heading as printed, field):");
        notes.add(String.join("\n", mappings.stream().map(m -> m.startsWith("  ") ? "- " + m.strip() : "\n" + m).toList()).strip());
        notes.add("A column with no field of its own (\"keep\") is one of the plan's `extra_columns`, headed as printed, with each"
                + " action's cell under it.");
        notes.addAll(draft.notes);
        plan.put("source", Map.of("title", source, "notes", new Block(String.join("\n\n", notes))));
        Map<String, Object> scales = scales();
        if (!scales.isEmpty()) {
            plan.put("scales", scales);
        }
        if (!draft.columns.isEmpty()) {
            List<Map<String, Object>> columns = new ArrayList<>();
            draft.columns.forEach((id, label) -> {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("id", new Plain(id));
                column.put("label", label);
                columns.add(column);
            });
            plan.put("extra_columns", columns);
        }
        return "# yaml-language-server: $schema=../../schema/plan.schema.json\n" + String.join("\n", new YamlWriter(2).mapping(plan, 0)) + "\n";
    }

    private String kind() {
        String text = (draft.title + " " + String.join(" ", draft.summary)).toLowerCase(Locale.ROOT);
        if (text.contains("domestic homicide")) {
            return "domestic_homicide_review";
        }
        if (text.contains("safeguarding adults review")) {
            return "safeguarding_adults_review";
        }
        if (text.contains("patient safety incident") || text.contains("psii")) {
            return "patient_safety_incident_investigation";
        }
        if (text.contains("independent investigation")) {
            return "independent_investigation";
        }
        return "other";
    }

    /** The scales the plan's words need: status words with their lifecycle, and any grade, priority, RAG or term word the defaults lack. */
    private Map<String, Object> scales() {
        Map<String, Object> scales = new LinkedHashMap<>();
        for (var kind : List.of(PlanField.GRADE, PlanField.PRIORITY, PlanField.RAG, PlanField.TERM)) {
            Map<String, String> words = draft.words.getOrDefault(kind, Map.of());
            List<ScaleEntry> defaults = switch (kind) {
                case RAG -> DefaultScales.get().rag().entries();
                case TERM -> DefaultScales.get().terms().entries();
                default -> List.of();
            };
            boolean allDefault = words.values().stream().allMatch(code -> defaults.stream().anyMatch(e -> e.code().equals(code)));
            if (!words.isEmpty() && !allDefault) {
                List<Map<String, Object>> entries = new ArrayList<>();
                words.forEach((word, code) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("code", code);
                    entry.put("label", word);
                    entries.add(entry);
                });
                scales.put(switch (kind) {
                    case GRADE -> "grades";
                    case PRIORITY -> "priorities";
                    case RAG -> "rag";
                    default -> "terms";
                }, entries);
            }
        }
        Map<String, String> statuses = draft.words.getOrDefault(PlanField.STATUS, Map.of());
        if (!statuses.isEmpty()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            statuses.forEach((word, code) -> {
                Lifecycle lifecycle = PLAIN_STATUSES.get(word.toLowerCase(Locale.ROOT).strip());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("code", code);
                entry.put("label", word);
                entry.put("lifecycle", new Plain(lifecycle == null ? UNDECIDED : lifecycle.code()));
                entries.add(entry);
                if (lifecycle == null) {
                    decisions.add("status '" + word + "': in plan.yaml, replace 'lifecycle: " + UNDECIDED + "' of code " + code
                            + " with the stage it means (" + String.join(", ", Lifecycle.writable().stream().map(Lifecycle::code).toList()) + ")");
                }
            });
            scales.put("statuses", entries);
        }
        return scales;
    }

    private String recommendation(Draft.Recommendation r) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("number", r.number);
        put(rec, "title", r.title);
        block(rec, "text", r.text);
        block(rec, "issues_identified", r.issues);
        put(rec, "priority", r.priority);
        if (!r.lead.isEmpty()) {
            rec.put("lead", new ArrayList<>(r.lead));
        }
        put(rec, "lead_as_published", r.leadAsPublished);
        put(rec, "oversight", r.oversight);
        block(rec, "note", r.notes.isEmpty() ? null : String.join("\n\n", r.notes));
        List<Map<String, Object>> actions = new ArrayList<>();
        r.actions.forEach(a -> actions.add(action(a)));
        if (!actions.isEmpty()) {
            rec.put("actions", actions);
        }
        return "# yaml-language-server: $schema=../../../schema/recommendation.schema.json\n" + String.join("\n", new YamlWriter(2).mapping(rec, 0)) + "\n";
    }

    private static Map<String, Object> action(Draft.Action a) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("ref", a.ref);
        block(action, "description", a.description);
        put(action, "section", a.section);
        List<Map<String, Object>> owners = new ArrayList<>();
        for (Draft.Owner owner : a.owners) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("organisation", new Plain(owner.organisation()));
            put(o, "role", owner.role());
            owners.add(o);
        }
        action.put("owners", owners);
        if (a.target != null) {
            action.put("target", target(a.target));
        }
        block(action, "monitoring", a.monitoring);
        block(action, "desired_outcome", a.outcome);
        block(action, "success_measure", a.success);
        if (!a.evidence.isEmpty()) {
            List<Map<String, Object>> evidence = new ArrayList<>();
            a.evidence.forEach(e -> evidence.add(new LinkedHashMap<>(Map.of("text", e))));
            action.put("evidence", evidence);
        }
        put(action, "term", a.term);
        put(action, "status", a.status);
        put(action, "rag", a.rag);
        put(action, "grade", a.grade);
        put(action, "quality_assured_by", a.qualityAssuredBy);
        if (!a.extra.isEmpty()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            a.extra.forEach((id, text) -> extra.put(id, text.contains("\n") ? new Block(text) : text));
            action.put("extra_columns", extra);
        }
        List<Map<String, Object>> followUps = new ArrayList<>();
        for (Draft.FollowUp f : a.followUps) {
            Map<String, Object> followUp = new LinkedHashMap<>();
            followUp.put("text", new Block(f.text == null ? "(no follow-up text printed)" : f.text));
            if (f.target != null) {
                followUp.put("target", target(f.target));
            }
            followUps.add(followUp);
        }
        if (!followUps.isEmpty()) {
            action.put("follow_ups", followUps);
        }
        block(action, "note", a.notes.isEmpty() ? null : String.join("\n\n", a.notes));
        List<Map<String, Object>> progress = new ArrayList<>();
        if (a.undated != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date_as_published", "Not dated in the imported table");
            progress.add(progress(entry, a.undated));
        }
        a.dated.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", new Plain(e.getKey().toString()));
            progress.add(progress(entry, e.getValue()));
        });
        if (!progress.isEmpty()) {
            action.put("progress", progress);
        }
        return action;
    }

    private static Map<String, Object> progress(Map<String, Object> entry, Draft.Progress p) {
        put(entry, "status", p.status);
        put(entry, "grade", p.grade);
        put(entry, "rag", p.rag);
        block(entry, "text", p.text);
        return entry;
    }

    private static Flow target(String asPublished) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("as_published", asPublished);
        Dates.meaning(asPublished).ifPresent(d -> target.put("date", new Plain(d)));
        return new Flow(target);
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static void block(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, new Block(value));
        }
    }

}
