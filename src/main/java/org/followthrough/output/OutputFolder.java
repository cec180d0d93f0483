package org.followthrough.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * The folder a build publishes to, claimed only when replacing it can destroy nothing but a site
 * Followthrough published: a build replaces the whole folder, so it must be a folder of its own.
 */
public final class OutputFolder {

    /** The file at the root of every published site that says Followthrough published it, and lists its files. */
    public static final String MARKER = ".followthrough-site";

    /** The marker's first line; a folder whose marker does not start with it (or {@link #EARLIER_HEADERS}) is not a published site. */
    static final String HEADER = "Followthrough published this folder and changes it on each build (a file added here, or a line added to"
            + " this list, stops the build); these are its files, then a check of the list:";

    /**
     * How the last line of a marker begins: a digest of the lines above it, so that a list edited by hand (a CNAME added
     * to it, say, which the next build would then delete as its own) is no longer one a build wrote.
     */
    static final String SEAL = "crc-32c of the lines above: ";

    /** The first lines of markers that earlier versions wrote, without a check of the list: the sites they published are still recognised. */
    static final Set<String> EARLIER_HEADERS = Set.of("Followthrough published this folder and replaces all of it on each build; these are its files:",
            "Followthrough published this folder and changes it on each build (a file added here stops the build); these are its files:");

    private static final String OWN_FOLDER = "a build replaces the whole output folder, so give --out a folder of its own,"
            + " outside the content and templates and not the repository itself (the default is site)";
    private static final int NAMES_SHOWN = 8;

    private final Path path;
    /** The folder as the build was given it, to name it in messages. */
    private final Path asGiven;
    private final Set<String> published;
    /** {@link #publishedFolders()}, once worked out: the same from any thread, so a race only works it out twice. */
    private volatile Set<String> publishedFolders;
    /** Whether the folder holds a marker Followthrough wrote (which may list no files): then it is looked through. */
    private final boolean marked;
    /**
     * The look through the site for files Followthrough did not publish, and what the file system said of
     * each published file and folder then; null until it is started.
     */
    private volatile java.util.concurrent.CompletableFuture<Look> seen;
    /** The record of how the last build made each file, read once the look is done, in its thread; null unless asked for. */
    private volatile java.util.concurrent.CompletableFuture<java.util.Map<String, SiteManifest.Entry>> recorded;
    private volatile Path recordedFrom;

    /**
     * What a look through the site found, besides that it holds nothing Followthrough did not publish: what the file
     * system said of each published file, and of each folder just before its entries were listed ("" for the site's
     * own folder), and when the look began.
     */
    record Look(java.util.Map<String, BasicFileAttributes> files, java.util.Map<String, BasicFileAttributes> folders,
                java.time.Instant began, boolean local) {

        /** Changes to a folder within this long before the look began may share its last modification time (Git's "racy" files). */
        private static final java.time.Duration SAME_TICK = java.time.Duration.ofSeconds(2);

        /** Whether a folder the look listed is another folder now, or no folder at all: removed and replaced, or moved away. */
        boolean replaced(String folder, BasicFileAttributes now) {
            BasicFileAttributes then = folders.get(folder);
            return !now.isDirectory() || then != null && !java.util.Objects.equals(then.fileKey(), now.fileKey());
        }

        /**
         * Whether a folder as the file system describes it now is the one the look listed, with no entry added,
         * removed or renamed since: the same folder, last changed at the same time, and that long enough before the
         * look for a change after it to have another time, even where times are kept to the second or two. Never on a
         * file system that is not {@link #local}.
         */
        boolean unchangedSince(String folder, BasicFileAttributes now) {
            BasicFileAttributes then = folders.get(folder);
            return local && then != null && now.isDirectory() && then.lastModifiedTime().equals(now.lastModifiedTime())
                    && java.util.Objects.equals(then.fileKey(), now.fileKey()) && now.fileKey() != null
                    && then.lastModifiedTime().toInstant().isBefore(began.minus(SAME_TICK));
        }
    }

    /**
     * File systems on this machine's own disks or memory, whose folder times this machine's clock sets and which show
     * them as they are. On others (NFS, SMB, sshfs) a folder's time may be set by another clock or shown from a cache,
     * and every folder is listed again before the site is changed.
     */
    private static final Set<String> LOCAL_FILE_SYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs",
            "apfs", "hfs", "ntfs", "refs");

    /** Whether a folder is on a file system whose folder times say when an entry was last added or removed (see {@link #LOCAL_FILE_SYSTEMS}). */
    static boolean onLocalFileSystem(Path folder) {
        try {
            return LOCAL_FILE_SYSTEMS.contains(Files.getFileStore(folder).type().toLowerCase(java.util.Locale.ROOT));
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private OutputFolder(Path path, Path asGiven, Set<String> published, boolean marked) {
        this.path = path;
        this.asGiven = asGiven;
        this.published = published;
        this.marked = marked;
    }

    /**
     * What the file system said of each file the site lists, when the folder was looked through (one walk of
     * the site looks at every file anyway): the files present then, by the names the marker lists; none if the
     * look failed (then {@link #looked} has said why the folder may not be replaced).
     */
    java.util.Map<String, BasicFileAttributes> seenWhenClaimed() {
        return look().map(Look::files).orElse(java.util.Map.of());
    }

    /** What the look through the site found (waiting for it, starting it if need be); empty if it failed. */
    Optional<Look> look() {
        startLooking();
        try {
            return Optional.of(seen.join());
        } catch (java.util.concurrent.CompletionException e) {
            return Optional.empty();
        }
    }

    /** The files the site in the folder lists as published when it was claimed; none for a new or empty folder. */
    public Set<String> publishedFiles() {
        return published;
    }

    /**
     * What the file system says of the marker of the site in {@code folder} (its size, modification time
     * and identity), or "none": each build that publishes a site writes a new marker, so a site replaced
     * since has another.
     */
    public static String describeMarker(Path folder) {
        try {
            BasicFileAttributes a = Files.readAttributes(folder.resolve(MARKER), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.size() + " " + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + " " + a.fileKey();
        } catch (IOException e) {
            return "none";
        }
    }

    /** The folder's real path: symbolic links and ".." resolved, even where it does not exist yet. */
    public Path path() {
        return path;
    }

    /**
     * Claims {@code out} for a build, or reports with exit-worthy problems why it may not be replaced.
     * Only reads: nothing is created or deleted, whatever the answer.
     *
     * @param templates the site's own templates folder, or null
     */
    public static Optional<OutputFolder> claim(Path out, Path content, Path templates, Problems problems) {
        return claim(out, content, templates, Path.of(""), problems);
    }

    static Optional<OutputFolder> claim(Path out, Path content, Path templates, Path workingDirectory, Problems problems) {
        Optional<OutputFolder> folder = claimByPlace(out, content, templates, workingDirectory, problems);
        return folder.isPresent() && folder.get().looked(problems) ? folder : Optional.empty();
    }

    /**
     * Claims {@code out} as {@link #claim} does, but only by its place and its marker: a folder in the wrong place, or
     * one that holds files and is no published site, is refused at once. Whether the site in it holds files
     * Followthrough did not publish is looked for when {@link #startLooking} is called (in the background, for
     * a build to read its content meanwhile), and {@link #looked} waits for the answer.
     */
    public static Optional<OutputFolder> claimByPlace(Path out, Path content, Path templates, Problems problems) {
        return claimByPlace(out, content, templates, Path.of(""), problems);
    }

    private static Optional<OutputFolder> claimByPlace(Path out, Path content, Path templates, Path workingDirectory, Problems problems) {
        try {
            Path real = realPath(out);
            refuseByPlace(real, content, templates, workingDirectory);
            boolean exists = Files.isDirectory(real);
            Optional<Set<String>> published = exists ? publishedFiles(real) : Optional.empty();
            if (exists && published.isEmpty()) {
                refuseUnlessEmpty(real, "");
            }
            return Optional.of(new OutputFolder(real, out, published.orElse(Set.of()), published.isPresent()));
        } catch (IOException e) {
            report(out, e, problems);
        }
        return Optional.empty();
    }

    /**
     * {@link #startLooking()}, then reads {@code manifest}, the record of what the files were made from, in the same
     * thread (see {@link #recorded}): a build reads its content meanwhile.
     */
    public synchronized void startLooking(Path manifest) {
        startLooking();
        if (recorded == null && manifest != null) {
            recordedFrom = manifest;
            recorded = seen.thenApply(look -> SiteManifest.read(manifest, path, look.files()));
        }
    }

    /**
     * What {@code manifest} records of the files the look found as it describes them (see {@link SiteManifest#read}):
     * read in the background when the look was started with it, else now.
     */
    java.util.Map<String, SiteManifest.Entry> recorded(Path manifest) {
        if (recorded != null && manifest != null && manifest.equals(recordedFrom)) {
            try {
                return recorded.join();
            } catch (java.util.concurrent.CompletionException e) {
                // the look failed: read as without it
            }
        }
        return SiteManifest.read(manifest, path, seenWhenClaimed());
    }

    /**
     * Starts looking through the site for files Followthrough did not publish, in the background, unless that
     * has begun already.
     */
    public synchronized void startLooking() {
        if (seen != null) {
            return;
        }
        if (!marked) {
            // a new folder, or an empty one: nothing to look through
            seen = java.util.concurrent.CompletableFuture.completedFuture(new Look(java.util.Map.of(), java.util.Map.of(), java.time.Instant.now(),
                    false));
            return;
        }
        seen = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            java.time.Instant began = java.time.Instant.now();
            // Sized for the site as published (the size given is of entries, not of the table): a map grown a few entries
            // at a time is copied whole at each doubling.
            java.util.Map<String, BasicFileAttributes> files = new java.util.concurrent.ConcurrentHashMap<>(published.size() + 16);
            java.util.Map<String, BasicFileAttributes> folders = new java.util.concurrent.ConcurrentHashMap<>();
            try {
                List<String> foreign = foreignEntries(path, published, publishedFolders(), files, folders);
                if (!foreign.isEmpty()) {
                    throw foreign("", foreign);
                }
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            return new Look(java.util.Collections.unmodifiableMap(files), java.util.Collections.unmodifiableMap(folders), began,
                    onLocalFileSystem(path));
        }, runnable -> {
            Thread thread = new Thread(runnable, "followthrough-look");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Waits for the look through the site (starting it if need be); false, with the problem reported, when it found
     * files Followthrough did not publish or could not look.
     */
    public boolean looked(Problems problems) {
        startLooking();
        try {
            seen.join();
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            report(asGiven, e.getCause() instanceof IOException io ? io : new IOException(e.getCause()), problems);
            return false;
        }
    }

    private static void report(Path out, IOException e, Problems problems) {
        Location location = Location.of(out.toString());
        if (e instanceof Refused refused) {
            problems.error(location, refused.getMessage(), refused.hint());
        } else {
            problems.error(location, "could not look at the output folder: " + describe(e), "check that it and its parent can be read");
        }
    }

    /**
     * Checks again, just before the old site is replaced, that nobody put a file of their own in it
     * while the build ran.
     */
    void checkStillReplaceable() throws IOException {
        refuseByContents(path, WHILE_BUILT);
    }

    /** How a refusal found just before the site is changed begins. */
    static final String WHILE_BUILT = "while the site was being built, ";

    /** Words of the message of a site whose update in place failed and could not be undone in full. */
    public static final String PARTLY_CHANGED = "may be partly updated";

    /** An update in place that failed, and whose changes could not all be undone: the site may be partly updated. */
    static final class PartlyChanged extends IOException {
        private final IOException notUndone;

        PartlyChanged(Exception failure, IOException notUndone) {
            super(failure);
            this.notUndone = notUndone;
        }
    }

    /** Why a folder may not be replaced, and what to do. */
    public static final class Refused extends IOException {
        private final String hint;

        Refused(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /** Refuses a folder that is, holds or lies inside something a build must never replace. */
    private static void refuseByPlace(Path out, Path content, Path templates, Path workingDirectory) throws IOException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.exists(out)) {
            throw new Refused("the output folder is a symbolic link to " + Files.readSymbolicLink(out) + ", which does not exist",
                    "create the folder it points to, or give --out another folder");
        }
        if (out.getParent() == null) {
            throw new Refused("the output folder is the root of the file system", OWN_FOLDER);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new Refused("the output folder is a file, not a folder; a build never replaces a file", OWN_FOLDER);
        }
        refuseOverlap(out, content, "content folder");
        if (templates != null) {
            refuseOverlap(out, templates, "templates folder");
        }
        if (Files.exists(out.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused("the output folder is a Git repository (it holds .git)", OWN_FOLDER);
        }
        Optional<Path> repository = repositoryRoot(realPath(workingDirectory));
        if (repository.isPresent() && repository.get().startsWith(out)) {
            throw new Refused("the output folder holds the Git repository " + repository.get() + " this build runs in", OWN_FOLDER);
        }
    }

    private static void refuseOverlap(Path out, Path source, String name) throws IOException {
        Path real = realPath(source);
        if (out.equals(real)) {
            throw new Refused("the output folder is the " + name, OWN_FOLDER);
        }
        if (out.startsWith(real)) {
            throw new Refused("the output folder is inside the " + name + " " + source, OWN_FOLDER);
        }
        if (real.startsWith(out)) {
            throw new Refused("the output folder holds the " + name + " " + source, OWN_FOLDER);
        }
    }

    /** The nearest folder at or above {@code folder} that holds .git. */
    public static Optional<Path> repositoryRoot(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a folder holding anything a build must not delete: anything at all, unless it is a site
     * Followthrough published.
     */
    private static void refuseByContents(Path out, String when) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        Optional<Set<String>> published = publishedFiles(out);
        if (published.isEmpty()) {
            refuseUnlessEmpty(out, when);
            return;
        }
        List<String> foreign = foreignEntries(out, published.get(), foldersOf(published.get()), new java.util.concurrent.ConcurrentHashMap<>(),
                new java.util.concurrent.ConcurrentHashMap<>());
        if (!foreign.isEmpty()) {
            throw foreign(when, foreign);
        }
    }

    /** Refuses a folder that holds anything, for a folder with no marker: it is no site Followthrough published. */
    private static void refuseUnlessEmpty(Path out, String when) throws IOException {
        List<String> names;
        try (Stream<Path> list = Files.list(out)) {
            names = list.map(p -> p.getFileName().toString() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted().toList();
        }
        if (!names.isEmpty() && Files.isRegularFile(out.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(when + "the output folder's " + MARKER + " file is not as a build wrote it (its first line, or a path"
                    + " it lists, was changed, or a line added), so nothing tells which of its files Followthrough published: it holds " + some(names),
                    "a build replaces only a site whose record of its files it can trust; if a build published this folder, put back"
                            + " that file as it was (or delete the folder) and build again; otherwise give --out a new folder");
        }
        if (!names.isEmpty()) {
            throw new Refused(when + "the output folder is not empty and is not a site Followthrough published (it has no "
                    + MARKER + " file): it holds " + some(names),
                    "a build replaces the whole output folder, so it only replaces an empty folder or a site it published;"
                            + " give --out a new folder (the default is site), or move these elsewhere");
        }
    }

    /** Why a site that holds files Followthrough did not publish (sorted) may not be replaced. */
    static Refused foreign(String when, List<String> foreign) {
        return new Refused(when + "the output folder holds files Followthrough did not publish: " + some(foreign),
                "a build replaces the whole output folder and never deletes files it did not write;"
                        + " move them out of the output folder and build again");
    }

    /**
     * The files a site published in this folder, as its marker lists them, read without claiming the folder (for check,
     * which writes nothing): none where the folder is not there, or holds no marker a build wrote, or cannot be read.
     */
    public static Set<String> publishedIn(Path folder) {
        try {
            return Files.isDirectory(folder) ? publishedFiles(folder).orElse(Set.of()) : Set.of();
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** The files listed in the folder's marker, or empty if it has none (or not one Followthrough wrote). */
    static Optional<Set<String>> publishedFiles(Path folder) throws IOException {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(marker))).toString();
        } catch (java.nio.charset.CharacterCodingException notText) {
            return Optional.empty();
        }
        List<String> lines = text.lines().toList();
        List<String> files;
        if (lines.size() >= 2 && lines.get(0).equals(HEADER)) {
            files = lines.subList(1, lines.size() - 1);
            // the check is of the lines before its own, each ended by a line feed (as written, whatever a copy made of the ends)
            String before = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
            if (!lines.get(lines.size() - 1).equals(seal(before))) {
                return Optional.empty();
            }
        } else if (!lines.isEmpty() && EARLIER_HEADERS.contains(lines.get(0))) {
            files = lines.subList(1, lines.size());
        } else {
            return Optional.empty();
        }
        // A marker edited to list a path out of the site (../x, /etc/x) is no marker of a build's: nothing it lists is deleted.
        if (!files.stream().allMatch(OutputFolder::insideSite)) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(files));
    }

    /** Whether a path the marker lists is one a build publishes: relative (no drive letter), forward slashes, and no part empty, "." or "..". */
    private static boolean insideSite(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0
                || path.length() >= 2 && path.charAt(1) == ':' && (path.charAt(0) | 0x20) >= 'a' && (path.charAt(0) | 0x20) <= 'z') {
            return false;
        }
        // each part between slashes, without making a string of it (a marker lists every file of the site)
        for (int start = 0; start <= path.length(); ) {
            int end = path.indexOf('/', start);
            end = end < 0 ? path.length() : end;
            int length = end - start;
            if (length == 0 || path.charAt(start) == '.' && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** The marker's text for a site of these files: the same files give the same bytes. */
    static byte[] marker(Collection<String> files) {
        List<String> sorted = List.copyOf(new TreeSet<>(files));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        sorted.forEach(file -> text.append(file).append('\n'));
        text.append(seal(text.toString())).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The marker's last line, from the lines above it (each ended by a line feed): a CRC-32C, which tells a list edited
     * by hand (it is no seal against forgery, which needs no edit: the site's files can be changed as they are), and is
     * quick from a build's first moments, when a hash such as SHA-256 still runs as plain Java over the list's megabyte.
     */
    private static String seal(String lines) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(lines.getBytes(StandardCharsets.UTF_8));
        return SEAL + String.format(java.util.Locale.ROOT, "%08x", crc.getValue());
    }

    /**
     * Every file, folder or link under {@code root} that is neither a listed file, a folder of one, nor the marker,
     * sorted; {@code seen} (thread-safe) is given what the file system said of each listed file, and {@code seenFolders}
     * of each folder of the site ("" for {@code root}) just before its entries were listed. One look at each entry, the
     * folders in parallel: a site of a thousand plans has tens of thousands of files.
     */
    private static List<String> foreignEntries(Path root, Set<String> published, Set<String> folders,
                                               java.util.Map<String, BasicFileAttributes> seen,
                                               java.util.Map<String, BasicFileAttributes> seenFolders) throws IOException {
        List<String> foreign = java.util.Collections.synchronizedList(new ArrayList<>());
        seenFolders.put("", Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        try {
            foreignEntries(root, "", published, folders, foreign, seen, seenFolders);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return foreign.stream().sorted().toList();
    }

    private static void foreignEntries(Path dir, String prefix, Set<String> published, Set<String> folders, List<String> foreign,
                                       java.util.Map<String, BasicFileAttributes> seen, java.util.Map<String, BasicFileAttributes> seenFolders) {
        inParallel(dir, prefix, (entry, relative) -> {
            BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!belongs(relative, attrs, published, folders)) {
                foreign.add(named(relative, attrs));
            } else if (attrs.isDirectory()) {
                seenFolders.put(relative, attrs);
                foreignEntries(entry, relative + "/", published, folders, foreign, seen, seenFolders);
            } else if (published.contains(relative)) {
                seen.put(relative, attrs);
            }
        });
    }

    /**
     * Whether an entry of a published site (named from the site's root) is the site's own: a folder that holds some of
     * its files ({@code folders}), or one of its files or its marker as a plain file. Anything else is someone else's.
     */
    static boolean belongs(String relative, BasicFileAttributes attrs, Set<String> published, Set<String> folders) {
        return attrs.isDirectory() ? folders.contains(relative)
                : attrs.isRegularFile() && (published.contains(relative) || relative.equals(MARKER));
    }

    /** An entry as messages name it: a folder with "/" after its name. */
    static String named(String relative, BasicFileAttributes attrs) {
        return relative + (attrs.isDirectory() ? "/" : "");
    }

    /** Every folder that holds one of the files, named as the files are (relative to the site, "/" between names). */
    static Set<String> foldersOf(Collection<String> files) {
        Set<String> folders = new HashSet<>();
        for (String file : files) {
            // deepest first: a folder already there has its own folders there too, so most files add one name or none
            int slash = file.lastIndexOf('/');
            while (slash >= 0 && folders.add(file.substring(0, slash))) {
                slash = file.lastIndexOf('/', slash - 1);
            }
        }
        return folders;
    }

    /** The folders of the files the site lists as published ({@link #publishedFiles()}), worked out once. */
    Set<String> publishedFolders() {
        Set<String> folders = publishedFolders;
        if (folders == null) {
            folders = Set.copyOf(foldersOf(published));
            publishedFolders = folders;
        }
        return folders;
    }

    /** Looks at one entry of a folder, named by its path from the site's root. */
    @FunctionalInterface
    private interface EntryVisitor {
        void visit(Path entry, String relative) throws IOException;
    }

    /**
     * Visits each entry of {@code dir} (whose path from the site's root is {@code prefix}: "" or ending in "/"), the
     * entries in parallel; a visitor may visit a subfolder the same way. An I/O failure is thrown as an
     * {@link UncheckedIOException}.
     */
    private static void inParallel(Path dir, String prefix, EntryVisitor visitor) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.parallelStream().forEach(entry -> {
            try {
                visitor.visit(entry, prefix + entry.getFileName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The first few names, and how many more. */
    private static String some(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }

    /** The real path of a file or folder that may not exist yet: its nearest existing ancestor's real path, then the rest. */
    public static Path realPath(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing == null ? absolute.getRoot() : existing.toRealPath();
        for (Path name : missing) {
            real = real.resolve(name);
        }
        return real.normalize();
    }

    /** Reports why a build could not write its site to {@code out}. */
    public static void reportWriteFailure(Path out, Exception failure, Problems problems) {
        Location location = Location.of(out.toString());
        IOException e = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) failure;
        if (e instanceof PartlyChanged partly) {
            Throwable cause = partly.getCause();
            problems.error(location, "could not write the site: " + (cause instanceof IOException io ? describe(io) : String.valueOf(cause))
                            + "; the files changed before it could not all be put back (" + describe(partly.notUndone) + "), so the site "
                            + PARTLY_CHANGED,
                    "check that the output folder and everything in it are writable and the disk is not full, then build again: the"
                            + " next build puts the whole site right");
        } else if (e instanceof Refused refused) {
            problems.error(location, refused.getMessage(), refused.hint());
        } else {
            problems.error(location, "could not write the site: " + describe(e),
                    "check that the output folder, what is in it and its parent are writable and the disk is not full; the previous site is unchanged");
        }
    }

    /** An I/O failure in words: Java's own messages are often only a path. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + where(denied);
        }
        if (e instanceof FileAlreadyExistsException inTheWay) {
            return "a file is in the way: " + inTheWay.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return where(fs) + ": " + fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** The file a failure was about: of a move, where it was moving to (in the site), not the build's own copy it moved. */
    private static String where(FileSystemException e) {
        return e.getOtherFile() != null ? e.getOtherFile() : e.getFile();
    }
}
