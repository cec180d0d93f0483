package org.followthrough.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.followthrough.output.OutputFolder;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * The folder a build keeps its cache in ({@code --cache DIR}) is claimed before anything is written to it, as the
 * output folder is: the cache removes its oldest entries as it grows, so it may only be a folder of its own. It is
 * refused where it is, holds or lies inside the content, the templates or the output folder, where it is a file,
 * and where it holds files and is not a cache: a cache is marked by a {@code CACHEDIR.TAG} file (the Cache
 * Directory Tagging convention, which backup tools read to leave it out) that names Followthrough, written with its first entry.
 */
public final class CacheFolder {

    static final String TAG = "CACHEDIR.TAG";
    static final String SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55";
    /** What tells this cache's tag from another program's: the signature is the same for all. */
    private static final String OURS = "Followthrough's build cache";
    private static final byte[] TAG_TEXT = (SIGNATURE + "\n"
            + "# This folder is " + OURS + ": safe to delete; a build makes it again.\n"
            + "# For information about cache directory tags see https://bford.info/cachedir/\n").getBytes(StandardCharsets.UTF_8);

    /** What a cache holds at its top: its areas, its tally and its tag, and files being written. */
    private static final Set<String> TOP = Set.of("objects", "plans", "content", "sites", "size", TAG);
    private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
    private static final String HINT = "give --cache a new or empty folder, or the cache folder of an earlier build (it is safe to delete), "
            + "or build with --no-cache";

    private CacheFolder() {
    }

    /**
     * The cache folder to use, or empty with the reason among {@code problems}. A folder an earlier version filled
     * without a tag is taken as a cache if it holds nothing else than a cache does.
     */
    public static Optional<Path> claim(Path cache, Path content, Path templates, Path out, Problems problems) {
        Location at = Location.of(cache.toString());
        try {
            Path real = OutputFolder.realPath(cache);
            if (real.getParent() == null) {
                return refuse(problems, at, "the cache folder is the root of the file system");
            }
            if (Files.exists(real) && !Files.isDirectory(real)) {
                return refuse(problems, at, "the cache folder is a file, not a folder");
            }
            for (Path other : new Path[] {content, templates, out}) {
                if (other == null) {
                    continue;
                }
                Path otherReal = OutputFolder.realPath(other);
                String name = other == content ? "content folder" : other == templates ? "templates folder" : "output folder";
                if (real.equals(otherReal) || real.startsWith(otherReal) || otherReal.startsWith(real)) {
                    return refuse(problems, at, "the cache folder " + (real.equals(otherReal) ? "is the " + name
                            : (real.startsWith(otherReal) ? "is inside the " : "holds the ") + name + " " + other)
                            + ", whose files the cache would mix with its own and delete as it grows");
                }
            }
            if (Files.isDirectory(real) && !tagged(real)) {
                List<String> foreign = foreign(real);
                if (!foreign.isEmpty()) {
                    return refuse(problems, at, "the cache folder holds files that are not the build cache's ("
                            + String.join(", ", foreign) + "), which the cache would delete as it grows");
                }
            }
            return Optional.of(cache);
        } catch (IOException e) {
            problems.error(at, "could not look at the cache folder: " + e.getMessage(), HINT);
            return Optional.empty();
        }
    }

    /** Marks the folder as a cache, making it if need be; a cache that cannot be written is no cache, and the build goes on without. */
    static void tag(Path folder) {
        Path tag = folder.resolve(TAG);
        // another program's tag, in a folder that held nothing else, is replaced: check and serve read only a folder tagged as ours
        if (!tagged(folder)) {
            BuildCache.writeAtomically(tag, TAG_TEXT);
        }
    }

    /** Whether {@code folder} is a cache a build made (it carries the cache's tag), for a command that only reads it. */
    public static boolean isCache(Path folder) {
        return Files.isDirectory(folder) && tagged(folder);
    }

    /**
     * Whether the folder carries the tag this cache writes. The signature alone is every tagging program's (a compiler's
     * or a package manager's cache carries it too), so the tag must also say it is Followthrough's: a folder another
     * program tagged is looked through as an untagged one is, and refused if it holds that program's files.
     */
    private static boolean tagged(Path folder) {
        try {
            List<String> lines = Files.readAllLines(folder.resolve(TAG), StandardCharsets.UTF_8);
            return !lines.isEmpty() && lines.get(0).startsWith(SIGNATURE) && lines.stream().anyMatch(line -> line.contains(OURS));
        } catch (IOException e) {
            return false;
        }
    }

    /** The first few entries of an untagged folder that a cache does not hold, by their path in it. */
    private static List<String> foreign(Path folder) throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> top = Files.list(folder)) {
            for (Path entry : top.sorted().toList()) {
                String name = entry.getFileName().toString();
                boolean area = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
                if (name.startsWith(".tmp-") || name.equals("size") && !area) {
                    continue;
                }
                if (!TOP.contains(name) || !area && !name.equals(TAG)) {
                    foreign.add(name);
                } else if (area && (name.equals("objects") || name.equals("plans"))) {
                    try (Stream<Path> shards = Files.list(entry)) {
                        shards.sorted().filter(shard -> !SHARD.matcher(shard.getFileName().toString()).matches()
                                || !Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS))
                                .forEach(shard -> foreign.add(name + "/" + shard.getFileName()));
                    }
                }
                if (foreign.size() >= 3) {
                    break;
                }
            }
        }
        return foreign.subList(0, Math.min(3, foreign.size()));
    }

    private static Optional<Path> refuse(Problems problems, Location at, String message) {
        problems.error(at, message, HINT);
        return Optional.empty();
    }
}
