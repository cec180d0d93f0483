package org.followthrough.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders and everything in them, with the JDK's own {@link WatchService} (inotify on Linux,
 * the system's notifications on Windows, polling on macOS), and says when something in them changed,
 * and which files:
 * once the changes have stopped for a short while, so that a save that writes several files, or
 * writes a file in several steps, counts as one change. Hidden files (an editor's swap files) are not
 * content and do not count. A folder that does not exist yet is watched for from its parent.
 */
final class FolderWatch implements AutoCloseable {

    private static final WatchEvent.Kind<?>[] KINDS = {StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY};

    private final List<Path> roots;
    private final Duration quiet;
    private final Consumer<Optional<Set<Path>>> onChange;
    /** The files changed since {@code onChange} last ran, or null when what changed cannot be told file by file. */
    private Set<Path> changed = new HashSet<>();
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;

    /**
     * @param roots    the folders to watch, with everything in them
     * @param quiet    how long no change must follow the last one before {@code onChange} runs
     * @param onChange run on the watching thread, one change at a time, with the paths of the files that
     *                 changed, or empty when that cannot be told (a folder appeared, or so much changed that
     *                 the system lost count); changes made meanwhile run it again afterwards
     */
    FolderWatch(List<Path> roots, Duration quiet, Consumer<Optional<Set<Path>>> onChange) throws IOException {
        this.roots = roots.stream().map(FolderWatch::real).toList();
        this.quiet = quiet;
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : this.roots) {
            if (Files.isDirectory(root)) {
                watchTree(root);
            } else if (root.getParent() != null && Files.isDirectory(root.getParent())) {
                watch(root.getParent());
            }
        }
        thread = new Thread(this::run, "followthrough-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where a folder really is, so that the paths of events, which are real, start with it. */
    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private void run() {
        try {
            while (true) {
                boolean changed = take(service.take());
                WatchKey more;
                while ((more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    changed |= take(more);
                }
                if (changed) {
                    Optional<Set<Path>> files = Optional.ofNullable(this.changed);
                    this.changed = new HashSet<>();
                    onChange.accept(files);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Takes a folder's events, watching folders made in it; whether any of them changed what is watched. */
    private boolean take(WatchKey key) {
        Path folder = folders.get(key);
        boolean changed = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                changed = true;
                this.changed = null;
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (path.getFileName().toString().startsWith(".") || roots.stream().noneMatch(path::startsWith)) {
                continue;
            }
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                watchTree(path);
                this.changed = null;
            } else if (this.changed != null) {
                this.changed.add(path);
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
        return changed;
    }

    private void watchTree(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            tree.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(this::watch);
        } catch (IOException | UncheckedIOException e) {
            // A folder removed while it was being walked: its parent's events tell of it.
        }
    }

    private void watch(Path folder) {
        try {
            WatchKey key;
            try {
                key = folder.register(service, KINDS, Sensitivity.MODIFIERS);
            } catch (UnsupportedOperationException e) {
                key = folder.register(service, KINDS);
            }
            folders.put(key, folder);
        } catch (IOException e) {
            // A folder removed before it could be watched: its parent's events tell of it.
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing more to watch either way
        }
        thread.interrupt();
    }

    /**
     * On macOS the JDK polls for changes, by default only every ten seconds before Java 19; the
     * JDK's own modifier asks for every two. Other systems, and newer JDKs, ignore it. It is looked
     * up by name because it is unsupported API that newer JDKs mark for removal.
     */
    private static final class Sensitivity {
        static final WatchEvent.Modifier[] MODIFIERS = find();

        private static WatchEvent.Modifier[] find() {
            try {
                Class<?> type = Class.forName("com.sun.nio.file.SensitivityWatchEventModifier");
                for (Object constant : type.getEnumConstants()) {
                    if (constant.toString().equals("HIGH") && constant instanceof WatchEvent.Modifier modifier) {
                        return new WatchEvent.Modifier[] {modifier};
                    }
                }
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // gone from this JDK: its polling is quick enough by itself
            }
            return new WatchEvent.Modifier[0];
        }
    }
}
