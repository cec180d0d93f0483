package org.followthrough.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a site into a staging folder beside the output folder and puts it in place only when the
 * whole build has succeeded (a whole new site swapped in, or the new files moved into the site when
 * it keeps most of them), so that a failed build leaves the published site as it was.
 *
 * <p>Every staging folder holds the site marker from the start, locked while its build runs: a
 * staging folder whose marker nobody holds was left by a build that was killed, and the next build
 * removes it. A published site's folders are 755 and its files 644, so a web server running as
 * another user can read them, whatever the staging folder's own mode was.
 */
public final class StagedDirectoryPublisher implements Publisher, AutoCloseable {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path target;
    private final Path staging;
    private final FileChannel marker;
    private final FileLock lock;
    private final OutputFolder folder;
    private final java.util.Set<String> written;
    /** Each file written from a fingerprint, for the record kept beside the build cache. */
    private final java.util.Map<String, String> keys;
    /** Where that record is kept, or null when the build keeps none. */
    private final Path manifest;
    /** The files of the site being replaced that are still as published, with what each was made from. */
    private final java.util.Map<String, SiteManifest.Entry> previous;
    /**
     * Files of the site being replaced that the new site keeps as they are, with what the file system said
     * of each: linked into the staging folder only when the site is replaced (see {@link #commit}).
     */
    private final java.util.Map<String, Kept> kept;
    private boolean committed;
    /** What the file system said of the marker of the site this publisher put (or left) in place; null before. */
    private String publishedMarker;
    /** The staging folder's folders made so far: each is made once, not looked for again with every file. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    public StagedDirectoryPublisher(OutputFolder folder) throws IOException {
        this(folder, null);
    }

    /**
     * @param manifest where to keep what each published file was made from (beside the build cache),
     *                 so that the next build can keep unchanged files instead of writing them again; or null
     */
    public StagedDirectoryPublisher(OutputFolder folder, Path manifest) throws IOException {
        this.folder = folder;
        this.manifest = manifest;
        this.target = folder.path();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        removeLeftovers(target);
        this.staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-");
        this.marker = FileChannel.open(staging.resolve(OutputFolder.MARKER), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.lock = marker.lock();
        marker.write(ByteBuffer.wrap(OutputFolder.marker(List.of())));
        this.previous = folder.recorded(manifest);
        // Sized for the site being replaced, which the new one mostly is: a map grown a few entries at a time is copied
        // whole at each doubling, and a site of a thousand plans has 27,000 files.
        int expected = previous.size() + 16;
        this.written = ConcurrentHashMap.newKeySet(expected);
        this.keys = new ConcurrentHashMap<>(expected);
        this.kept = new ConcurrentHashMap<>(expected);
    }

    @Override
    public void write(String path, byte[] content) {
        write(path, content, null);
    }

    @Override
    public void write(String path, byte[] content, String key) {
        Path file = claim(path);
        try {
            folderFor(file);
            Files.write(file, content);
            made(path, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public java.util.Optional<Path> previous(String path, String key) {
        SiteManifest.Entry made = previous.get(path);
        if (made == null || key == null || !made.key().equals(key)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(target.resolve(path).normalize());
    }

    /**
     * Keeps a file of the site being replaced that was made from the same fingerprint, linking it into
     * the new site rather than writing it again (the old site is removed once the new one is in place,
     * and it is never changed before). Returns its size, or -1 when there is no such file.
     */
    @Override
    public long reuse(String path, String key) {
        java.util.Optional<Path> old = previous(path, key);
        if (old.isEmpty()) {
            return -1;
        }
        SiteManifest.Entry entry = previous.get(path);
        claim(path);
        kept.put(path, new Kept(old.get(), entry));
        made(path, key);
        return entry.size();
    }

    /** A file of the site being replaced, kept, and what the file system said of it then. */
    private record Kept(Path old, SiteManifest.Entry was) {
        /** Whether the file is still the one kept: a file replaced or changed since is never published in its place. */
        boolean unchanged() {
            return SiteManifest.describe(old, was.key()).filter(was::equals).isPresent();
        }
    }

    /**
     * Publishes a file of the site being replaced as it is, byte for byte (linked where the file system
     * can): a file of a snapshot, which no build makes again.
     *
     * @param path a file the site being replaced lists as published
     */
    public void keep(String path) throws IOException {
        Path old = target.resolve(path).normalize();
        if (!old.startsWith(target)) {
            throw new IllegalArgumentException("refusing to keep a file from outside the site: " + path);
        }
        SiteManifest.Entry entry = SiteManifest.describe(old, "").orElseThrow(() -> new NoSuchFileException(old.toString()));
        claim(path);
        kept.put(path, new Kept(old, entry));
    }

    private void folderFor(Path file) throws IOException {
        Path folder = file.getParent();
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
    }

    private void linkOrCopy(Path old, Path file) throws IOException {
        folderFor(file);
        try {
            Files.createLink(file, old);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(old, file);
        }
    }

    private void made(String path, String key) {
        if (key != null) {
            keys.put(path, key);
        }
    }

    /** The caller may make the file another way: the path is free again. */
    private void release(String path, Path file) {
        written.remove(path);
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the staging folder is removed if the build fails
        }
    }

    private Path claim(String path) {
        if (path.equals(OutputFolder.MARKER)) {
            throw new IllegalArgumentException("refusing to overwrite the site marker with a page: " + path);
        }
        if (!written.add(path)) {
            throw new IllegalStateException("two pages were rendered to " + path);
        }
        Path file = staging.resolve(path).normalize();
        if (!file.startsWith(staging)) {
            throw new IllegalArgumentException("refusing to write outside the site: " + path);
        }
        return file;
    }

    /**
     * Puts the new site in place of the old one, once the whole build has succeeded. When the new site
     * keeps most of the old one's files, the files made afresh are moved into the site in place (see
     * {@link #updateInPlace}); otherwise the staged site, with the kept files linked into it, is swapped
     * in, and the old one removed.
     *
     * @throws OutputFolder.Refused if files Followthrough did not publish appeared in the old site during the build
     */
    public void commit() throws IOException {
        // Taken before the site is looked at: if another build replaces it meanwhile, its marker is another.
        String inPlace = OutputFolder.describeMarker(target);
        if (sameAsPublished()) {
            publishedMarker = inPlace;
            // Nothing to replace: the site in place is, file for file, the one this build would publish, and holds nothing else.
            release();
            committed = true;
            deleteTree(staging);
            return;
        }
        try (SiteLock site = SiteLock.take(target); FinishFirst finishing = FinishFirst.hold()) {
            if (mostlyKept()) {
                updateInPlace();
            } else {
                replace();
            }
        }
    }

    /**
     * While the site is changed (files moved in one by one, or the old site swapped out), Ctrl+C or a polite kill waits
     * for the change to end, so that the site is never left half old and half new by them: the change takes a second
     * or two at most. (A hard kill, or a power cut, cannot be held off; the next build puts the site right.)
     */
    private static final class FinishFirst implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final Thread waiter = new Thread(() -> {
            try {
                done.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "followthrough-finish-publishing");
        private boolean registered;

        static FinishFirst hold() {
            FinishFirst finishing = new FinishFirst();
            try {
                Runtime.getRuntime().addShutdownHook(finishing.waiter);
                finishing.registered = true;
            } catch (IllegalStateException e) {
                // already stopping: the change goes on as far as it gets
            }
            return finishing;
        }

        @Override
        public void close() {
            done.countDown();
            if (registered) {
                try {
                    Runtime.getRuntime().removeShutdownHook(waiter);
                } catch (IllegalStateException e) {
                    // stopping: the waiter has been let go above
                }
            }
        }
    }

    /** Swaps the staged site in, with the kept files linked into it, and removes the old one. */
    private void replace() throws IOException {
        linkKept();
        marker.truncate(0);
        marker.write(ByteBuffer.wrap(OutputFolder.marker(written)), 0);
        // Forgotten first: if the swap fails halfway, no record claims files it did not check.
        SiteManifest.forget(manifest);
        release();
        makeReadable(staging);
        String staged = OutputFolder.describeMarker(staging);
        folder.checkStillReplaceable();
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        committed = true;
        publishedMarker = staged;
        SiteManifest.write(manifest, target, keys);
        if (old != null) {
            try {
                deleteTree(old);
            } catch (IOException e) {
                // the new site is in place; the old one keeps its marker to the end, so the next build removes what is left
            }
        }
    }

    /**
     * Whether the new site keeps at least half of the files of the one in place, which still lists the
     * files it listed when the build began, and no new file takes the place of an old folder or the
     * other way round: then moving the files made afresh into it is quicker than linking every kept
     * file into a new one and removing the old one.
     */
    private boolean mostlyKept() throws IOException {
        Set<String> before = folder.publishedFiles();
        if (kept.isEmpty() || kept.size() < written.size() - kept.size()
                || !OutputFolder.publishedFiles(target).filter(before::equals).isPresent()) {
            return false;
        }
        Set<String> newFolders = OutputFolder.foldersOf(written);
        Set<String> oldFolders = folder.publishedFolders();
        return before.stream().noneMatch(newFolders::contains) && written.stream().noneMatch(oldFolders::contains);
    }

    /**
     * Updates the site in place: after checking that it holds no file Followthrough did not publish and
     * that every file kept is still as published, each file made afresh is moved into the site (one
     * rename, so a reader sees the old file or the new one, never half of one), files new to the site
     * before the files that may link to them, and the files the new site no longer has are removed
     * last. While it happens, the site's marker lists the files of both sites and the record of what
     * they were made from is forgotten, so a build stopped halfway leaves a site the next build
     * recognises as its own and replaces in full.
     */
    private void updateInPlace() throws IOException {
        checkInPlace();
        Set<String> before = folder.publishedFiles();
        Set<String> both = new java.util.HashSet<>(before);
        both.addAll(written);
        // Each change is noted with what undoes it, so that a change that fails halfway puts the site back as it was.
        InPlaceChanges changes = new InPlaceChanges(target, staging.resolve(".replaced"));
        boolean listsBoth = false;
        try {
            if (both.size() > before.size() || !touchMarker()) {
                putMarker(both);
                listsBoth = true;
            }
            SiteManifest.forget(manifest);
            List<String> made = written.stream().filter(path -> !kept.containsKey(path))
                    .sorted(java.util.Comparator.comparing((String path) -> before.contains(path)).thenComparing(path -> path)).toList();
            Set<Path> folders = new java.util.HashSet<>();
            for (String path : made) {
                Path file = staging.resolve(path);
                folderInSite(target.resolve(path).getParent(), folders, changes);
                if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(file, FILE);
                }
                changes.moveIn(file, path);
            }
            List<String> removed = before.stream().filter(path -> !written.contains(path)).sorted().toList();
            for (String path : removed) {
                changes.remove(path);
            }
            removeEmptiedFolders(removed, changes);
            if (!removed.isEmpty()) {
                // Without a file removed, the marker put before the moves lists the site as it now is already.
                putMarker(written);
            }
        } catch (IOException | RuntimeException e) {
            List<IOException> notUndone = changes.undo();
            if (!notUndone.isEmpty()) {
                // The marker keeps listing the files of both sites, so that the next build takes every file left for its own
                // and puts the site right; listing the old site's alone would have it refuse a new file not undone as foreign.
                throw new OutputFolder.PartlyChanged(e, notUndone.get(0));
            }
            if (listsBoth) {
                try {
                    putMarker(before);
                } catch (IOException again) {
                    // the site is as it was; its marker lists the new files too, which the next build finds are not there
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
        committed = true;
        publishedMarker = OutputFolder.describeMarker(target);
        java.util.Map<String, SiteManifest.Entry> checked = new java.util.HashMap<>();
        kept.forEach((path, file) -> checked.put(path, file.was()));
        SiteManifest.write(manifest, target, keys, checked);
        release();
        deleteTree(staging);
    }

    /**
     * Checks the site just before it is changed in place: it must hold nothing but the files its marker lists and their
     * folders (a file put there during the build is refused), and every file kept must still be the file kept. The look
     * through the site when the build began listed every folder: a folder that is still the one it listed, last changed
     * at the same time, has had no entry added since and is not listed again (a folder changed within two seconds of the
     * look is, as its time may not have moved). So the check is one look at each folder and each file kept, in parallel,
     * and a listing of only the folders that changed. Folders and kept files made unreadable to others by hand are made
     * readable again.
     */
    private void checkInPlace() throws IOException {
        Set<String> listed = folder.publishedFiles();
        Set<String> folders = folder.publishedFolders();
        Set<String> foreign = ConcurrentHashMap.newKeySet();
        boolean posix = Files.getFileAttributeView(target, PosixFileAttributeView.class) != null;
        java.util.Optional<OutputFolder.Look> look = folder.look();
        Set<String> all = new java.util.HashSet<>(folders);
        all.add("");
        try {
            all.parallelStream().forEach(relative -> checkFolder(relative, listed, folders, look, foreign, posix));
            if (foreign.isEmpty()) {
                kept.keySet().parallelStream().forEach(path -> checkKept(path, posix));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!foreign.isEmpty()) {
            throw OutputFolder.foreign(OutputFolder.WHILE_BUILT, foreign.stream().sorted().toList());
        }
    }

    /**
     * One folder of the site ("" for the site's own): listed again, each entry looked at, unless the look when the
     * build began listed it as it still is. A folder gone since holds nothing foreign.
     */
    private void checkFolder(String relative, Set<String> listed, Set<String> folders, java.util.Optional<OutputFolder.Look> look,
                             Set<String> foreign, boolean posix) {
        Path dir = relative.isEmpty() ? target : target.resolve(relative);
        try {
            BasicFileAttributes attrs;
            try {
                attrs = attributes(dir, posix);
            } catch (NoSuchFileException e) {
                if (relative.isEmpty()) {
                    throw replacedDuringBuild();
                }
                return; // what was in it is not there to keep
            }
            if (relative.isEmpty() && (!attrs.isDirectory() || look.isPresent() && look.get().replaced("", attrs))) {
                throw replacedDuringBuild();
            }
            if (!attrs.isDirectory()) {
                foreign.add(relative);
                return;
            }
            if (!relative.isEmpty()) {
                readableToAll(dir, attrs, FOLDER);
            }
            if (look.isPresent() && look.get().unchangedSince(relative, attrs)) {
                return;
            }
            String prefix = relative.isEmpty() ? "" : relative + "/";
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.toList();
            } catch (NoSuchFileException e) {
                return; // removed since it was looked at
            }
            for (Path entry : entries) {
                String name = prefix + entry.getFileName();
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // removed since the folder was listed: the rest of it is still looked at
                }
                if (!OutputFolder.belongs(name, a, listed, folders)) {
                    foreign.add(OutputFolder.named(name, a));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the site is not changed: its folder itself was removed or replaced while the build ran. */
    private static OutputFolder.Refused replacedDuringBuild() {
        return new OutputFolder.Refused(OutputFolder.WHILE_BUILT + "the output folder was removed or replaced",
                "build again: the next build looks at the folder as it is then");
    }

    /** A file the new site keeps must still be the file that was kept: not changed, replaced or removed meanwhile. */
    private void checkKept(String path, boolean posix) {
        Path file = target.resolve(path);
        try {
            BasicFileAttributes attrs = attributes(file, posix);
            SiteManifest.Entry was = kept.get(path).was();
            if (!attrs.isRegularFile() || !was.equals(SiteManifest.Entry.of(was.key(), attrs))) {
                throw new UncheckedIOException(changedDuringBuild(path));
            }
            readableToAll(file, attrs, FILE);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(changedDuringBuild(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BasicFileAttributes attributes(Path path, boolean posix) throws IOException {
        return posix ? Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** Why the site is not changed: a file it keeps was changed or removed by someone else while the build ran. */
    private static IOException changedDuringBuild(String path) {
        return new OutputFolder.Refused("a file of the site being replaced changed while the site was being built: " + path,
                "something else writes to the output folder (an upload step, an editor, another tool); the site is as it was:"
                        + " build again once nothing else changes it");
    }

    /** Gives a file or folder the mode every published one has, where the file system has modes and it has another. */
    private static void readableToAll(Path path, BasicFileAttributes attrs, Set<PosixFilePermission> mode) throws IOException {
        if (attrs instanceof PosixFileAttributes posix && !posix.permissions().equals(mode)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    /**
     * Makes the marker, which lists every file of the site already, another to {@link OutputFolder#describeMarker} as every
     * publishing build's marker is, without writing tens of thousands of names again: whether that worked (where the file
     * system keeps times too coarsely, or will not set them, it may not).
     */
    private boolean touchMarker() {
        String was = OutputFolder.describeMarker(target);
        try {
            Files.setLastModifiedTime(target.resolve(OutputFolder.MARKER), java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } catch (IOException e) {
            return false; // written in full instead
        }
        return !OutputFolder.describeMarker(target).equals(was);
    }

    /** Replaces the site's marker with one listing {@code files}, in one rename. */
    private void putMarker(Set<String> files) throws IOException {
        Path next = Files.createTempFile(staging, ".marker-", "");
        Files.write(next, OutputFolder.marker(files));
        if (Files.getFileAttributeView(next, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(next, FILE);
        }
        Files.move(next, target.resolve(OutputFolder.MARKER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes a folder of the site, and the folders above it, where they are missing: 755, like every folder of a published site. */
    private void folderInSite(Path dir, Set<Path> known, InPlaceChanges changes) throws IOException {
        if (known.contains(dir) || dir.equals(target)) {
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            folderInSite(dir.getParent(), known, changes);
            Files.createDirectory(dir);
            changes.madeFolder(dir);
            if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(dir, FOLDER);
            }
        }
        known.add(dir);
    }

    /** Removes the folders that held only files the new site no longer has, deepest first. */
    private void removeEmptiedFolders(List<String> removed, InPlaceChanges changes) throws IOException {
        if (removed.isEmpty()) {
            return;
        }
        Set<String> needed = OutputFolder.foldersOf(written);
        List<String> emptied = OutputFolder.foldersOf(removed).stream().filter(f -> !needed.contains(f))
                .sorted(java.util.Comparator.comparing(String::length).reversed()).toList();
        for (String dir : emptied) {
            try {
                if (Files.deleteIfExists(target.resolve(dir))) {
                    changes.removedFolder(target.resolve(dir));
                }
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // a folder some other file of the site still needs
            }
        }
    }

    /**
     * Whether the site being replaced is the one this build publishes: every file kept from it, still as
     * it was, and nothing else in it (no file put there during the build); readable as a replaced site
     * would be (a file or folder whose mode was changed by hand is set right by replacing the site).
     * One walk of the site, looking once at each entry.
     */
    private boolean sameAsPublished() {
        if (kept.size() != written.size() || !folder.publishedFiles().equals(written)) {
            return false;
        }
        java.util.Map<String, SiteManifest.Entry> files = new java.util.HashMap<>();
        kept.forEach((path, k) -> files.put(path, k.was()));
        return holdsOnly(target, files);
    }

    /**
     * Whether the site published at {@code folder} is still, file for file, the one the record kept at
     * {@code manifest} describes, and holds nothing else: every file the site's marker lists, as it was
     * published, with the modes a build gives. One walk of the site, looking once at each entry; no
     * file is read.
     */
    public static boolean isIntact(OutputFolder folder, Path manifest) {
        java.util.Map<String, SiteManifest.Entry> files = SiteManifest.parse(manifest);
        return !files.isEmpty() && folder.publishedFiles().equals(files.keySet()) && holdsOnly(folder.path(), files);
    }

    /** Whether the site at {@code target} holds exactly these files, each as described, and its marker lists them. */
    private static boolean holdsOnly(Path target, java.util.Map<String, SiteManifest.Entry> files) {
        try {
            if (!OutputFolder.publishedFiles(target).filter(files.keySet()::equals).isPresent()) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        Set<String> folders = OutputFolder.foldersOf(files.keySet());
        if (Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
            return false;
        }
        int[] seen = {0};
        try {
            return holdsOnly(target, "", folders, files, seen) && seen[0] == files.size();
        } catch (IOException e) {
            return false; // the site changed as it was looked at: replacing it says what is wrong, if anything is
        }
    }

    /** Whether a folder of the site holds only the files described, as they were, and folders of them, all readable to all. */
    private static boolean holdsOnly(Path dir, String prefix, Set<String> folders, java.util.Map<String, SiteManifest.Entry> files,
                                     int[] seen) throws IOException {
        if (!Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions().equals(FOLDER)) {
            return false;
        }
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String relative = prefix + entry.getFileName();
                if (relative.equals(OutputFolder.MARKER)) {
                    continue;
                }
                // one look at each entry: its kind, mode, size, time and identity
                PosixFileAttributes attrs = Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    if (!folders.contains(relative) || !holdsOnly(entry, relative + "/", folders, files, seen)) {
                        return false;
                    }
                    continue;
                }
                SiteManifest.Entry was = files.get(relative);
                seen[0]++;
                if (was == null || !attrs.isRegularFile() || !attrs.permissions().equals(FILE)
                        || !was.equals(SiteManifest.Entry.of(was.key(), attrs))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Links the files kept from the site being replaced into the staging folder, each only if it is still the file kept. */
    private void linkKept() throws IOException {
        try {
            kept.entrySet().parallelStream().forEach(file -> {
                try {
                    if (!file.getValue().unchanged()) {
                        throw changedDuringBuild(file.getKey());
                    }
                    linkOrCopy(file.getValue().old(), staging.resolve(file.getKey()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * One rename where the file system can make one (a file put in place of another replaces it whole), else a move that
     * replaces what is there.
     */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * What the file system said of the marker of the site this publisher put in place (or found already
     * published and left), taken before the swap: a site another build put in place since has another.
     * Null before {@link #commit}.
     */
    public String publishedMarker() {
        return publishedMarker;
    }

    /** Removes the staging folder if the build did not commit. */
    @Override
    public void close() throws IOException {
        release();
        if (!committed && Files.exists(staging)) {
            deleteTree(staging);
        }
    }

    private void release() throws IOException {
        if (marker.isOpen()) {
            lock.release();
            marker.close();
        }
    }

    /** Folders 755 and files 644, on file systems that have POSIX permissions. */
    private static void makeReadable(Path root) throws IOException {
        if (Files.getFileAttributeView(root, PosixFileAttributeView.class) == null) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, FOLDER);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(file, FILE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Removes the staging and old folders that killed builds left beside {@code target}: only folders
     * named as this class names them that are empty or hold an unlocked site marker, and an old folder
     * (a whole site moved aside) only when it holds nothing its marker does not list. Where there is no
     * site at {@code target}, because a build was killed between moving the old site aside and the new
     * one in, the old site is moved back instead.
     */
    static void removeLeftovers(Path target) throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "(staging|old)-[0-9]+");
        List<Path> candidates;
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            candidates = siblings.filter(p -> ours.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .toList();
        }
        boolean restored = false;
        // the newest first: where there is no site, the old site moved aside last is the one to move back
        for (Path leftover : candidates.stream().sorted(java.util.Comparator.comparing(StagedDirectoryPublisher::changed).reversed()).toList()) {
            try {
                boolean old = leftover.getFileName().toString().startsWith("." + target.getFileName() + ".old-");
                if (isAbandoned(leftover, old)) {
                    if (old && !restored && !Files.exists(target, LinkOption.NOFOLLOW_LINKS) && complete(leftover)) {
                        Files.move(leftover, target, StandardCopyOption.ATOMIC_MOVE);
                        restored = true;
                        continue;
                    }
                    deleteTree(leftover);
                }
            } catch (IOException e) {
                // another build may be removing it too; whatever is left, the next build tries again
            }
        }
    }

    /**
     * True for an empty folder, or one whose site marker no running build holds; with {@code whole}, only if the folder
     * holds no file its marker does not list (an old site is whole; a build's staging folder fills before its marker).
     */
    private static boolean isAbandoned(Path folder, boolean whole) throws IOException {
        Path marker = folder.resolve(OutputFolder.MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> entries = Files.list(folder)) {
                return entries.findAny().isEmpty();
            }
        }
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return false;
            }
            try {
                Optional<Set<String>> published = OutputFolder.publishedFiles(folder);
                return published.isPresent() && (!whole || onlyListed(folder, published.get()));
            } finally {
                held.release();
            }
        } catch (OverlappingFileLockException e) {
            return false; // a build in this process is writing it
        }
    }

    /** Whether every file the folder's marker lists is there: a site moved aside whole, not one half deleted. */
    private static boolean complete(Path folder) throws IOException {
        Optional<Set<String>> published = OutputFolder.publishedFiles(folder);
        return published.isPresent() && published.get().stream().allMatch(path -> Files.isRegularFile(folder.resolve(path), LinkOption.NOFOLLOW_LINKS));
    }

    private static long changed(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve(OutputFolder.MARKER), LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether every file in {@code folder} but its marker is one of {@code listed} (paths relative to it, with forward slashes). */
    private static boolean onlyListed(Path folder, Set<String> listed) throws IOException {
        Path marker = folder.resolve(OutputFolder.MARKER);
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder) && !p.equals(marker) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .allMatch(p -> listed.contains(folder.relativize(p).toString().replace('\\', '/')));
        }
    }

    /** Deletes a folder and everything in it; its site marker goes last, so a half-deleted folder is still recognisably ours. */
    static void deleteTree(Path root) throws IOException {
        Path marker = root.resolve(OutputFolder.MARKER);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.equals(marker)) {
                    Files.deleteIfExists(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                if (dir.equals(root)) {
                    Files.deleteIfExists(marker);
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
