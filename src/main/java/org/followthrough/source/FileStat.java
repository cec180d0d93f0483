package org.followthrough.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the file system said of a content file just before it was read: its size, when it was last
 * modified and when its inode last changed (both in nanoseconds since the epoch), and which file it
 * is (device and inode). A file whose stat is the same as when it was last read, and which was not
 * modified too close to that read, holds the same bytes; see {@link #settledBefore}.
 *
 * @param identity the device and inode, as "dev:ino"
 */
public record FileStat(long size, long modified, long changed, String identity) {

    /**
     * How long before a read a file must have been last changed for its stat to vouch for its bytes.
     * A file changed again within the file system's clock tick keeps its times; one changed around a
     * read may have been read before that change. Generous, since some file systems keep times to
     * the second or two, and a network file system's clock is not this machine's.
     */
    public static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** What the file system tells of an entry in one look, without following a link: what it is, and its stat if a file. */
    record Look(boolean isLink, boolean isFolder, boolean isFile, Optional<FileStat> stat) {
    }

    private static final String LOOKED_AT = "unix:isSymbolicLink,isDirectory,isRegularFile,size,lastModifiedTime,ctime,ino,dev";

    /**
     * Looks at an entry once: a folder of thousands of files is walked before every build, and one look
     * costs half of two. The stat is empty where the file system does not tell inode and change time.
     */
    static Look look(Path path) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, LOOKED_AT, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Look(b.isSymbolicLink(), b.isDirectory(), b.isRegularFile(), Optional.empty());
        }
        Optional<FileStat> stat;
        try {
            stat = Optional.of(new FileStat((Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")),
                    a.get("dev") + ":" + a.get("ino")));
        } catch (ClassCastException | NullPointerException e) {
            stat = Optional.empty();
        }
        return new Look(Boolean.TRUE.equals(a.get("isSymbolicLink")), Boolean.TRUE.equals(a.get("isDirectory")),
                Boolean.TRUE.equals(a.get("isRegularFile")), stat);
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    /**
     * Whether the file was last modified and changed well before {@code readAt} (nanoseconds since the
     * epoch), so that any later change to it gives it other times than these.
     */
    public boolean settledBefore(long readAt) {
        return Math.max(modified, changed) < readAt - SETTLE_NANOS;
    }
}
