package org.followthrough.output;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The changes an update in place makes to a published site, each with what undoes it, so that a site whose update
 * fails halfway (a folder another user owns, a full disk) is put back as it was rather than left half old and half new.
 * A file replaced or removed is first linked (or, where the file system has no links, copied) into a folder of the
 * build's own beside the site, and a folder or file new to the site is noted; undoing works back from the last change.
 */
final class InPlaceChanges {

    private final Path site;
    private final Path saved;
    /** What undoes each change made so far, the last made first. */
    private final Deque<Undo> undo = new ArrayDeque<>();

    private interface Undo {
        void run() throws IOException;
    }

    /** @param saved a folder of the build's own on the site's file system, for the files replaced or removed */
    InPlaceChanges(Path site, Path saved) {
        this.site = site;
        this.saved = saved;
    }

    /** A folder made in the site: undone by removing it, once what was moved into it has gone. */
    void madeFolder(Path dir) {
        undo.push(() -> {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                // something not of this build is in it: left, with the folder
            }
        });
    }

    /** Moves {@code file} into the site at {@code path}, in one rename; whatever was there is kept to be put back. */
    void moveIn(Path file, String path) throws IOException {
        Path into = site.resolve(path);
        boolean replacing = Files.exists(into, LinkOption.NOFOLLOW_LINKS);
        Path kept = replacing ? keep(into, path) : null;
        StagedDirectoryPublisher.move(file, into);
        undo.push(kept != null ? () -> StagedDirectoryPublisher.move(kept, into) : () -> Files.deleteIfExists(into));
    }

    /** Takes the file at {@code path} out of the site, kept to be put back. */
    void remove(String path) throws IOException {
        Path file = site.resolve(path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path kept = keep(file, path);
        Files.delete(file);
        undo.push(() -> {
            folder(file.getParent());
            StagedDirectoryPublisher.move(kept, file);
        });
    }

    /** A folder of the site removed: undone by making it again (before the files that were in it are put back). */
    void removedFolder(Path dir) {
        undo.push(() -> folder(dir));
    }

    /** Makes a folder of the site again where it is missing, and those above it: 755, as a published site's folders are. */
    private void folder(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || dir.equals(site)) {
            return;
        }
        folder(dir.getParent());
        Files.createDirectory(dir);
        if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(dir, StagedDirectoryPublisher.FOLDER);
        }
    }

    /**
     * Undoes every change made, the last first, and says what it could not undo (empty when the site is as it was).
     */
    List<IOException> undo() {
        List<IOException> failed = new ArrayList<>();
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (IOException e) {
                failed.add(e);
            }
        }
        return failed;
    }

    /** A link to the file (a copy where links cannot be made) in the build's own folder, by its path in the site. */
    private Path keep(Path file, String path) throws IOException {
        Path copy = saved.resolve(path);
        Files.createDirectories(copy.getParent());
        try {
            Files.createLink(copy, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof NoSuchFileException) {
                throw (NoSuchFileException) e;
            }
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return copy;
    }
}
