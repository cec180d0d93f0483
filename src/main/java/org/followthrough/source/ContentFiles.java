package org.followthrough.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.followthrough.format.Limits;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * Every file of a content folder, read once into memory in a fixed order. Nothing after the load
 * stage touches the disk, so validation and assembly are pure functions of these files; but for the
 * files a build may leave unread because a build before it saw them as they are (see
 * {@link #read(Path, FolderState, BiPredicate, Problems)}), which are read when first asked for.
 */
public final class ContentFiles {

    /** Names that are files in the content format: a folder named so is a mistake, reported rather than entered. */
    private static final Set<String> FILE_EXTENSIONS = Set.of(".yaml", ".yml", ".md", ".svg", ".png");

    private final String displayRoot;
    private final NavigableMap<String, SourceFile> files;
    private final Map<String, byte[]> assets;
    private final Set<String> refused;
    private final Set<String> tooLarge;
    /** Whether the read found no problem, so that reading only what changed since finds what reading everything would. */
    private final boolean clean;
    /** What the file system said of each file just before it was read, where it tells; none for a folder read again in part. */
    private final Map<String, FileStat> stats;
    /** When the read started, in nanoseconds since the epoch: see {@link FileStat#settledBefore}. */
    private final long readAt;
    /** The files not read yet, read when first asked for. */
    private final Waiting waiting;

    private ContentFiles(String displayRoot, NavigableMap<String, SourceFile> files, Map<String, byte[]> assets, Set<String> refused,
                         Set<String> tooLarge, boolean clean, Map<String, FileStat> stats, long readAt) {
        this(displayRoot, files, assets, refused, tooLarge, clean, stats, readAt, Waiting.NONE);
    }

    private ContentFiles(String displayRoot, NavigableMap<String, SourceFile> files, Map<String, byte[]> assets, Set<String> refused,
                         Set<String> tooLarge, boolean clean, Map<String, FileStat> stats, long readAt, Waiting waiting) {
        this.displayRoot = displayRoot;
        this.files = files;
        this.assets = assets;
        this.refused = refused;
        this.tooLarge = tooLarge;
        this.clean = clean;
        this.stats = stats;
        this.readAt = readAt;
        this.waiting = waiting;
    }

    /** Files under assets/ (logos), kept as bytes: they are copied, never read as text. */
    public Map<String, byte[]> assets() {
        return assets;
    }

    public static ContentFiles read(Path root, Problems problems) {
        String displayRoot = root.toString();
        if (!Files.isDirectory(root)) {
            // run from inside the content folder itself (it holds site.yaml): the likeliest slip, told as such
            Path parent = root.toAbsolutePath().getParent();
            boolean inside = parent != null && Files.isRegularFile(parent.resolve("site.yaml"));
            problems.error(Location.of(displayRoot), Files.exists(root) ? "the content folder is a file, not a folder" : "the content folder does not exist",
                    inside ? "this folder holds site.yaml, so it looks like the content folder itself: run from the folder above it (cd ..),"
                            + " or give --content ." : "run from the folder that holds content/, or give --content DIR");
            // site.yaml counted as refused: its absence is this problem, not another one
            return new ContentFiles(displayRoot, new TreeMap<>(), Map.of(), Set.of("site.yaml"), Set.of(), false, Map.of(), 0);
        }
        java.time.Instant started = java.time.Instant.now();
        long readAt = started.getEpochSecond() * 1_000_000_000L + started.getNano();
        // Over the limit, a YAML or Markdown file is reported without being read: reading it could exhaust memory.
        FolderReader.Result read = FolderReader.read(root, displayRoot, "content folder", ContentFiles::isIgnored,
                FILE_EXTENSIONS, relative -> !relative.startsWith("assets/"), Limits.MAX_FILE_BYTES, problems);
        NavigableMap<String, SourceFile> files = new TreeMap<>();
        Map<String, byte[]> assets = new TreeMap<>();
        Set<String> tooLarge = new TreeSet<>();
        read.tooLarge().forEach((relative, size) -> {
            String display = FolderReader.display(displayRoot, relative);
            problems.error(Location.of(display), "the file is " + Limits.size(size) + "; a content file may be at most " + Limits.fileSize(),
                    display.endsWith(".md") ? "shorten the text, or link to the full document instead of copying it in"
                            : "split it: each recommendation has a file of its own, and long texts can go in Markdown files ({file: name.md})");
            // Kept, empty, so that what refers to it is not told it does not exist.
            files.put(relative, new SourceFile(relative, display, ""));
            tooLarge.add(relative);
        });
        read.files().forEach((relative, bytes) -> add(displayRoot, relative, bytes, files, assets, problems));
        return new ContentFiles(displayRoot, files, Map.copyOf(assets), read.refused(), Set.copyOf(tooLarge), !problems.hasErrors(),
                read.stats(), readAt);
    }

    /**
     * The files of the content folder a walk described ({@link #state}), read from where it found them,
     * without walking the folder again. A file for which {@code unchanged} holds, given its stat in the
     * walk, is not read until something asks for it: it must be one a build that found no problem in the
     * content, with this build's list of protected names, saw with the same bytes (the content guard does
     * not read it). Where a file cannot be read as the walk found it (it changed since), the whole folder
     * is read as {@link #read(Path, Problems)} reads it, and reported on as that read reports.
     */
    public static ContentFiles read(Path root, FolderState state, BiPredicate<String, FileStat> unchanged, Problems problems) {
        String displayRoot = root.toString();
        Problems found = new Problems();
        NavigableMap<String, SourceFile> files = new TreeMap<>();
        Map<String, byte[]> assets = new TreeMap<>();
        Set<String> unread = new java.util.HashSet<>();
        for (Map.Entry<String, FileStat> file : state.files().entrySet()) {
            String relative = file.getKey();
            boolean asset = relative.startsWith("assets/");
            if (!asset && unchanged.test(relative, file.getValue())) {
                unread.add(relative);
                continue;
            }
            try {
                byte[] bytes = FolderReader.readFound(state.realPaths().get(relative), asset ? Long.MAX_VALUE : Limits.MAX_FILE_BYTES);
                add(displayRoot, relative, bytes, files, assets, found);
            } catch (IOException e) {
                return read(root, problems);
            }
        }
        found.sorted().forEach(problems::add);
        Waiting waiting = unread.isEmpty() ? Waiting.NONE : new Waiting(displayRoot, state, unread, problems);
        // Looked up by path for every file of every plan: by hash, rather than by comparing long paths that begin alike
        return new ContentFiles(displayRoot, files, Map.copyOf(assets), Set.of(), Set.of(), !found.hasErrors(),
                new java.util.HashMap<>(state.files()), state.takenAt(), waiting);
    }

    /**
     * The files a read left unread, read when first asked for. Each was seen by a build before, as it is
     * (by its stat), so reading it fails only where it changed since the walk; it is then reported, and
     * the build fails rather than use what it did not check.
     */
    private static final class Waiting {
        static final Waiting NONE = new Waiting("", null, Set.of(), null);

        private final String displayRoot;
        /** The walk that found them: where each file is, and every file's path in order, read or not. */
        private final FolderState state;
        private final Set<String> unread;
        private final Problems problems;
        private final Map<String, SourceFile> read = new java.util.concurrent.ConcurrentHashMap<>();
        private final Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Waiting(String displayRoot, FolderState state, Set<String> unread, Problems problems) {
            this.displayRoot = displayRoot;
            this.state = state;
            this.unread = unread;
            this.problems = problems;
        }

        boolean holds(String path) {
            return unread.contains(path);
        }

        boolean isUnread(String path) {
            return holds(path) && !read.containsKey(path);
        }

        /** The file, read now if it was not; null where it cannot be read. */
        SourceFile get(String path) {
            return read.computeIfAbsent(path, relative -> {
                String display = FolderReader.display(displayRoot, relative);
                try {
                    byte[] bytes = FolderReader.readFound(state.realPaths().get(relative), Limits.MAX_FILE_BYTES);
                    return new SourceFile(relative, display, decodeText(relative, bytes, display, problems));
                } catch (IOException e) {
                    failed.add(relative);
                    problems.error(Location.of(display), "the file changed while the build was reading the content folder, and could not be"
                            + " read again: " + FolderReader.reason(e), "build again once the file is saved");
                    return null;
                }
            });
        }
    }

    /**
     * The content folder as the file system describes it, without reading it (see {@link FolderState});
     * empty where a read would report something about the folder itself or what is in it.
     */
    public static java.util.Optional<FolderState> state(Path root) {
        if (!Files.isDirectory(root)) {
            return java.util.Optional.empty();
        }
        return FolderReader.state(root, ContentFiles::isIgnored, FILE_EXTENSIONS);
    }

    /** Whether a file was too large to read: its problem is reported, and nothing more should be said of its content. */
    public boolean isTooLarge(String path) {
        return tooLarge.contains(path);
    }

    private static void add(String displayRoot, String relative, byte[] bytes, Map<String, SourceFile> files, Map<String, byte[]> assets,
                            Problems problems) {
        if (relative.startsWith("assets/")) {
            assets.put(relative, bytes);
        } else {
            String display = FolderReader.display(displayRoot, relative);
            files.put(relative, new SourceFile(relative, display, decodeText(relative, bytes, display, problems)));
        }
    }

    /**
     * A content file's text (see {@link #decode}). Only YAML and Markdown files are read as text: any other (an image
     * outside {@code assets/}, the plan's published PDF or Word document) is told only as a file the format does not
     * read, not also as a text that is not UTF-8.
     */
    private static String decodeText(String relative, byte[] bytes, String display, Problems problems) {
        boolean text = relative.endsWith(".yaml") || relative.endsWith(".yml") || relative.endsWith(".md");
        return decode(bytes, display, text ? problems : new Problems());
    }

    /**
     * The same folder after the files at {@code changed} (paths relative to it) were saved, added or
     * deleted, reading only those, for {@code serve}, which is told what changed; the other files are
     * the same objects as in this read. The whole folder is read again, as {@link #read} reads it,
     * when this read found a problem, or when a changed path is anything but a file that is not a link
     * and whose folders are not links: what reading only it could miss, reading everything finds.
     */
    public ContentFiles reread(Path root, Set<String> changed, Problems problems) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return read(root, problems);
        }
        if (!clean || !root.toString().equals(displayRoot) || waiting != Waiting.NONE) {
            return read(root, problems);
        }
        NavigableMap<String, SourceFile> newFiles = new TreeMap<>(files);
        Map<String, byte[]> newAssets = new TreeMap<>(assets);
        for (String relative : changed) {
            if (ignoredOnTheWay(relative)) {
                continue;
            }
            Path path = realRoot.resolve(relative);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                boolean wasFile = newFiles.remove(relative) != null || newAssets.remove(relative) != null;
                if (!wasFile && !newFiles.subMap(relative + "/", relative + "/" + Character.MAX_VALUE).isEmpty()) {
                    return read(root, problems); // a folder of files was removed
                }
                continue;
            } catch (IOException e) {
                return read(root, problems);
            }
            try {
                // Anything but a plain file within the limit is left to a whole read, which reports it.
                if (!attributes.isRegularFile() || attributes.size() > Limits.MAX_FILE_BYTES
                        || !path.getParent().toRealPath().equals(path.getParent())) {
                    return read(root, problems);
                }
                try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                    add(displayRoot, relative, in.readAllBytes(), newFiles, newAssets, problems);
                }
            } catch (IOException e) {
                return read(root, problems);
            }
        }
        return new ContentFiles(displayRoot, newFiles, Map.copyOf(newAssets), Set.of(), Set.of(), !problems.hasErrors(), Map.of(), 0);
    }

    /** Whether a path is in or under something that is not content, as {@link #read} would skip it. */
    private static boolean ignoredOnTheWay(String relative) {
        for (int end = relative.indexOf('/'); end >= 0; end = relative.indexOf('/', end + 1)) {
            if (isIgnored(relative.substring(0, end))) {
                return true;
            }
        }
        return isIgnored(relative);
    }

    /** Hidden files and folders, and the generated schemas, are not content. */
    private static boolean isIgnored(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return name.startsWith(".") || relative.equals("schema");
    }

    /**
     * Decodes a file as UTF-8. A file that is not UTF-8 is reported and kept with U+FFFD in place of the
     * bad bytes: the files that refer to it are still checked, without being told that it does not exist.
     * Nothing is published after an error, so the replaced text never reaches the site.
     */
    public static String decode(byte[] bytes, String display, Problems problems) {
        java.nio.charset.Charset wide = wideEncoding(bytes);
        if (wide != null) {
            // Not reported as a NUL character on every other byte: the whole file is in another encoding. Read as what it is,
            // so that its other problems (if any) are told as well.
            String name = wide.name().substring(0, "UTF-16".length());
            problems.error(new Location(display, 1, 1), "the file is saved as " + name + " (which some editors call \"Unicode\"), not UTF-8",
                    "save it as UTF-8 in your editor (in Notepad: Save As, then Encoding: UTF-8)");
            return stripBom(new String(bytes, wide));
        }
        // The quick decoding puts U+FFFD where a byte is not UTF-8: only a text holding one is decoded strictly to find out.
        String quick = new String(bytes, StandardCharsets.UTF_8);
        if (quick.indexOf('\uFFFD') < 0) {
            return stripBom(quick);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return stripBom(text);
        } catch (CharacterCodingException e) {
            int bad = firstInvalidByte(bytes);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            problems.error(new Location(display, line, column),
                    String.format("the file is not UTF-8 (byte 0x%02X cannot start or continue a UTF-8 character%s)", bytes[bad] & 0xff,
                            asWindows1252(bytes[bad])),
                    "save the file as UTF-8 in your editor (it may have been saved as Windows-1252 or Latin-1)");
            return stripBom(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** What a byte stands for in Windows-1252, as which most files that are not UTF-8 were saved: "; in Windows-1252, ’". */
    private static String asWindows1252(byte b) {
        String c = new String(new byte[] {b}, java.nio.charset.Charset.forName("windows-1252"));
        return c.length() == 1 && !Character.isISOControl(c.charAt(0)) && c.charAt(0) != '\uFFFD' ? "; in Windows-1252, it is " + c : "";
    }

    /**
     * UTF-32 or UTF-16, little- or big-endian, where the file starts with its byte order mark or, without one, where text
     * mostly in ASCII leaves three zero bytes (or one) beside most others, which UTF-8 text never holds; otherwise null.
     */
    static java.nio.charset.Charset wideEncoding(byte[] bytes) {
        java.nio.charset.Charset utf32 = utf32(bytes);
        return utf32 != null ? utf32 : utf16(bytes);
    }

    private static java.nio.charset.Charset utf32(byte[] bytes) {
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE && bytes[2] == 0 && bytes[3] == 0) {
            return java.nio.charset.Charset.forName("UTF-32LE");
        }
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && (bytes[2] & 0xff) == 0xFE && (bytes[3] & 0xff) == 0xFF) {
            return java.nio.charset.Charset.forName("UTF-32BE");
        }
        int quads = Math.min(bytes.length / 4, 256);
        int[] zeros = new int[4];
        for (int i = 0; i < quads; i++) {
            for (int b = 0; b < 4; b++) {
                zeros[b] += bytes[4 * i + b] == 0 ? 1 : 0;
            }
        }
        // a character below U+10000 has its two high bytes zero; most text in ASCII, its third as well
        if (quads >= 2 && zeros[2] == quads && zeros[3] == quads && zeros[0] * 2 < quads) {
            return java.nio.charset.Charset.forName("UTF-32LE");
        }
        if (quads >= 2 && zeros[0] == quads && zeros[1] == quads && zeros[3] * 2 < quads) {
            return java.nio.charset.Charset.forName("UTF-32BE");
        }
        return null;
    }

    private static java.nio.charset.Charset utf16(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        int pairs = Math.min(bytes.length / 2, 256);
        int zeroOdd = 0;
        int zeroEven = 0;
        for (int i = 0; i < pairs; i++) {
            zeroEven += bytes[2 * i] == 0 ? 1 : 0;
            zeroOdd += bytes[2 * i + 1] == 0 ? 1 : 0;
        }
        if (pairs >= 2 && zeroOdd * 2 > pairs && zeroEven == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (pairs >= 2 && zeroEven * 2 > pairs && zeroOdd == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static int firstInvalidByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length - 1;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Whether a path is, or is inside, an entry that exists but was refused when the folder was read
     * (a link out of the folder, a loop, an unreadable file): its problem is already reported, so
     * files that refer to it are not told as well that it does not exist.
     */
    public boolean isRefused(String path) {
        if (waiting.failed.contains(path)) {
            return true;
        }
        for (String at = path; !at.isEmpty(); at = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "") {
            if (refused.contains(at)) {
                return true;
            }
        }
        return false;
    }

    /** The paths of the entries refused when the folder was read. */
    public Set<String> refusedPaths() {
        return refused;
    }

    /**
     * What the file system said of a file just before it was read, if it is sure to say something else
     * should the file change: empty for a file modified close to the read, or where the file system does
     * not tell.
     */
    public Optional<FileStat> settledStat(String path) {
        return Optional.ofNullable(stats.get(path)).filter(stat -> stat.settledBefore(readAt));
    }

    /** The stat of a file as read, however recently it changed (to compare with one kept from before). */
    public Optional<FileStat> stat(String path) {
        return Optional.ofNullable(stats.get(path));
    }

    /** A file, read now if it was left unread; empty where there is none (or it could not be read, which is reported). */
    public Optional<SourceFile> get(String path) {
        SourceFile file = files.get(path);
        if (file == null && waiting.holds(path)) {
            file = waiting.get(path);
        }
        return Optional.ofNullable(file);
    }

    /**
     * Whether a file was left unread, and nothing has asked for it since: it holds what a build before
     * found no problem in, with the same list of protected names (see {@link #read(Path, FolderState, BiPredicate, Problems)}).
     */
    public boolean isUnread(String path) {
        return waiting.isUnread(path);
    }

    /** Files directly or indirectly under a folder, in path order; those left unread are read now. */
    public List<SourceFile> under(String folder) {
        if (waiting == Waiting.NONE) {
            return new ArrayList<>(within(files, folder).values());
        }
        List<SourceFile> under = new ArrayList<>();
        for (String path : paths(folder)) {
            get(path).ifPresent(under::add);
        }
        return under;
    }

    /** The paths of the files directly or indirectly under a folder, in order, whether read or not: nothing is read. */
    public List<String> paths(String folder) {
        if (waiting == Waiting.NONE) {
            return new ArrayList<>(within(files, folder).keySet());
        }
        // The walk's files in order, but for the assets, which are not files of text
        List<String> paths = new ArrayList<>();
        for (String path : within(waiting.state.files(), folder).keySet()) {
            if (!path.startsWith("assets/")) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static <V> java.util.SortedMap<String, V> within(java.util.SortedMap<String, V> map, String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        // Paths under a folder sort together, between the prefix and the prefix followed by the highest character.
        return prefix.isEmpty() ? map : map.subMap(prefix, prefix + Character.MAX_VALUE);
    }

    /** The path of a content file as editors see it in messages, whether or not the file exists. */
    public String display(String relative) {
        return FolderReader.display(displayRoot, relative);
    }
}
