package org.followthrough.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.followthrough.model.Plan;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;

/**
 * Plans that were checked and assembled before, kept by the fingerprint of everything that went into
 * them (their files, the site's settings, the organisations' ids, the as-of date and the tool), so
 * that a build does not parse, check and assemble an unchanged plan again. On disk beside the build
 * cache for {@code build}; in memory for a preview that rebuilds on every save.
 */
public interface PlanStore {

    /**
     * A plan as checked and assembled, with the warnings its check gave (replayed on every build that
     * reuses it) and where its reference was written (for the check that no two plans share one).
     */
    record Kept(Plan plan, List<Problem> warnings, Location referenceAt) {
    }

    Optional<Kept> find(String key);

    void keep(String key, Kept plan);

    PlanStore NONE = new PlanStore() {
        @Override
        public Optional<Kept> find(String key) {
            return Optional.empty();
        }

        @Override
        public void keep(String key, Kept plan) {
        }
    };

    /** Plans kept in memory, for as long as the store lives. */
    static PlanStore inMemory() {
        Map<String, Kept> plans = new ConcurrentHashMap<>();
        return new PlanStore() {
            @Override
            public Optional<Kept> find(String key) {
                return Optional.ofNullable(plans.get(key));
            }

            @Override
            public void keep(String key, Kept plan) {
                plans.put(key, plan);
            }
        };
    }

    /** Plans kept as files in a folder; an entry that cannot be read is treated as missing. */
    record InFolder(Path folder) implements PlanStore {
        @Override
        public Optional<Kept> find(String key) {
            Path file = BuildCache.entry(folder, key);
            try {
                byte[] bytes = Files.readAllBytes(file);
                BuildCache.touch(file);
                return ModelCodec.read(bytes) instanceof Kept kept ? Optional.of(kept) : Optional.empty();
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public void keep(String key, Kept plan) {
            BuildCache.writeAtomically(BuildCache.entry(folder, key), ModelCodec.write(plan));
        }
    }
}
