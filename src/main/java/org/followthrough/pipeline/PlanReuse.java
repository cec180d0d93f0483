package org.followthrough.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.followthrough.cache.PlanStore;
import org.followthrough.model.Archive;
import org.followthrough.model.Plan;
import org.followthrough.problem.Problem;
import org.followthrough.render.Fingerprint;
import org.followthrough.render.pdf.PdfFonts;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.SourceFile;
import org.followthrough.validate.ValidContent;

/**
 * Which plans need not be parsed, checked and assembled again: each plan's key is a fingerprint of
 * everything its checked model depends on — the files in its folder, site.yaml (scales, time zone,
 * the "not updated recently" limit), the set of organisation ids (references are checked against
 * them), the as-of date and the tool. A checked plan is kept by that key and where the content folder
 * is (its warnings name files by it), but the key alone, which decides every file made from the plan,
 * does not depend on how the folder was named. A plan that reads a file outside its folder
 * ({@code file: ../…}) is always made afresh.
 */
final class PlanReuse {

    /** The key of a {@code file:} reference, however YAML lets it be written (quoted), with the white space after it. */
    private static final java.util.regex.Pattern FILE_KEY = java.util.regex.Pattern.compile("file[\"']?[ \\t]*+:\\s*+");

    /**
     * Whether a {@code file:} reference may climb out of the plan's folder: a '..' on the line its value starts on (the
     * value may be on the next line), so that what it reads is not among the plan's files. One pass over the text, keeping
     * the next '..' as it goes: a line of 'file:' again and again, or of spaces, is not looked through again from each.
     */
    static boolean mayClimbOut(String text) {
        int dots = text.indexOf("..");
        java.util.regex.Matcher key = FILE_KEY.matcher(text);
        while (dots >= 0 && key.find()) {
            int value = key.end();
            if (dots < value) {
                dots = text.indexOf("..", value);
                if (dots < 0) {
                    return false;
                }
            }
            int lineEnd = text.indexOf('\n', value);
            if (lineEnd < 0 || dots < lineEnd) {
                return true;
            }
        }
        return false;
    }

    private final PlanStore store;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, PlanStore.Kept> reused = new LinkedHashMap<>();
    /** The content folder as problems name it. */
    private final String contentFolder;

    private PlanReuse(PlanStore store, String contentFolder) {
        this.store = store;
        this.contentFolder = contentFolder;
    }

    /** Looks up every plan of the content in the store. */
    static PlanReuse lookUp(ContentFiles files, LocalDate asOf, PlanStore store) {
        PlanReuse reuse = new PlanReuse(store, files.display(""));
        if (store == PlanStore.NONE) {
            return reuse;
        }
        String site = files.get("site.yaml").map(SourceFile::text).orElse("");
        List<String> organisations = files.paths("organisations");
        // the fonts too: a plan's warnings, kept with it, name the characters the PDFs' font cannot draw
        String shared = Fingerprint.of(Tool.fingerprint(), site, organisations, asOf, PdfFonts.fingerprintInUse());
        for (String path : files.paths("plans")) {
            String[] parts = path.split("/");
            if (parts.length == 3 && parts[2].equals("plan.yaml")) {
                String id = parts[1];
                reuse.key(files, id, shared).ifPresent(key -> reuse.keys.put(id, key));
            }
        }
        reuse.keys.entrySet().parallelStream().forEach(entry -> {
            Optional<PlanStore.Kept> kept = store.find(reuse.checkedKey(entry.getValue()));
            kept.filter(k -> k.plan().id().equals(entry.getKey())).ifPresent(k -> {
                synchronized (reuse.reused) {
                    reuse.reused.put(entry.getKey(), k);
                }
            });
        });
        return reuse;
    }

    private Optional<String> key(ContentFiles files, String id, String shared) {
        String folder = "plans/" + id + "/";
        if (files.refusedPaths().stream().anyMatch(p -> p.startsWith(folder))) {
            return Optional.empty();
        }
        Optional<String> known = store.keyOf(id, folder, files, shared);
        if (known.isPresent()) {
            return known;
        }
        List<SourceFile> own = files.under(folder);
        List<Object> parts = new ArrayList<>();
        parts.add(shared);
        for (SourceFile file : own) {
            // Plain searches first: far quicker than the pattern's, and most files have no ".." at all
            if (file.text().contains("..") && file.text().contains("file") && mayClimbOut(file.text())) {
                return Optional.empty();
            }
            parts.add(file.path());
            parts.add(file.text());
        }
        String key = Fingerprint.of(parts);
        store.rememberKey(id, folder, files, shared, key);
        return Optional.of(key);
    }

    /** What a plan's checked model is kept by: its key, and the content folder as its warnings name it. */
    private String checkedKey(String key) {
        return Fingerprint.of("checked plan", key, contentFolder);
    }

    /** The ids of the plans reused as they were. */
    Set<String> reusedIds() {
        return reused.keySet();
    }

    List<Plan> reusedPlans() {
        return reused.values().stream().map(PlanStore.Kept::plan).toList();
    }

    List<Problem> reusedWarnings() {
        return reused.values().stream().flatMap(k -> k.warnings().stream()).toList();
    }

    /** What each plan reused claims that no other plan may (see {@link ValidContent.Claims}). */
    List<ValidContent.Claims> reusedClaims() {
        return reused.values().stream()
                .map(k -> new ValidContent.Claims(k.plan().id(), k.plan().reference(), k.referenceAt(), k.plan().formerIds(), k.formerIdsAt()))
                .toList();
    }

    /** A fingerprint of each plan's files, for plans that have one: also the key of everything made from the plan. */
    Map<String, String> keys() {
        return keys;
    }

    /**
     * Keeps the plans made afresh, each with the warnings given about its own files, and the keys of all.
     *
     * @param names the fingerprint of the protected names the content was checked for, and found not to hold
     */
    void keepNew(Archive archive, ValidContent valid, List<Problem> problems, ContentFiles files, String names) {
        Map<String, ValidContent.PlanDocs> docs = new LinkedHashMap<>();
        valid.plans().forEach(p -> docs.put(p.id(), p));
        archive.plans().parallelStream().filter(p -> !reused.containsKey(p.id()) && keys.containsKey(p.id())).forEach(plan -> {
            String prefix = files.display("plans/" + plan.id() + "/");
            List<Problem> own = problems.stream().filter(p -> p.location().file().startsWith(prefix)).toList();
            if (own.stream().anyMatch(Problem::isError)) {
                return;
            }
            ValidContent.PlanDocs doc = docs.get(plan.id());
            store.keep(checkedKey(keys.get(plan.id())), new PlanStore.Kept(plan, own, doc == null ? null : doc.plan().locationOf("reference"),
                    doc == null ? List.of() : ValidContent.Claims.formerIdsAt(doc)));
        });
        // Only now, as the plans are: a refused build keeps nothing in the cache, not even its files' names.
        store.saveKeys(names);
    }
}
