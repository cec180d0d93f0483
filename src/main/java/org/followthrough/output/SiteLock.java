package org.followthrough.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Held by a build while it changes a published site, so that two builds to the same folder never
 * change it at once: one waits until the other has put its site in place. The lock is taken on the
 * site's marker, which every change of the site replaces; a build that was waiting on a marker
 * since replaced takes the new one. A folder with no marker yet has nothing published to guard.
 */
final class SiteLock implements AutoCloseable {

    /** File locks are held by the whole process: builds in one process also wait for each other here. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final FileChannel marker;

    private SiteLock(ReentrantLock inProcess, FileChannel marker) {
        this.inProcess = inProcess;
        this.marker = marker;
    }

    /** Waits until no other build is changing the site in {@code site}, then holds it until closed. */
    static SiteLock take(Path site) throws IOException {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(site, p -> new ReentrantLock());
        inProcess.lock();
        try {
            Path marker = site.resolve(OutputFolder.MARKER);
            while (true) {
                Object before = identity(marker);
                if (before == null) {
                    return new SiteLock(inProcess, null);
                }
                FileChannel channel;
                try {
                    channel = FileChannel.open(marker, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // replaced as it was opened: look again
                }
                try {
                    channel.lock();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                if (Objects.equals(identity(marker), before)) {
                    return new SiteLock(inProcess, channel);
                }
                channel.close(); // the site was changed while this build waited: its new marker is the one to hold
            }
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    private static Object identity(Path marker) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(marker, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Objects.requireNonNullElse(attributes.fileKey(), marker) : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (marker != null) {
                marker.close();
            }
        } finally {
            inProcess.unlock();
        }
    }
}
