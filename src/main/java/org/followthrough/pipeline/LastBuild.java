package org.followthrough.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.followthrough.cache.BuildCache;
import org.followthrough.cache.ModelCodec;
import org.followthrough.history.ChangeHistory;
import org.followthrough.history.GitHistory;
import org.followthrough.output.OutputFolder;
import org.followthrough.output.StagedDirectoryPublisher;
import org.followthrough.problem.Problem;
import org.followthrough.render.Fingerprint;
import org.followthrough.render.pdf.PdfFonts;
import org.followthrough.source.ContentFiles;
import org.followthrough.source.FileStat;
import org.followthrough.source.FolderState;
import org.followthrough.source.TemplateFiles;

/**
 * The last build that published a site, remembered beside the build cache, so that a build asked to
 * publish the same site from the same files reads nothing, makes nothing and leaves the site as it
 * is. Its key is taken before anything is read, from what the file system says of every file the
 * build would read (content and templates, each file's size, times and identity), the request, the
 * tool, and what the change history depends on besides the commits (the commit HEAD names and Git's
 * status of the plans, see {@link GitHistory#state}); the build's warnings are remembered with it
 * and told again. The site must still hold exactly the files that build published, as it published
 * them: a file changed, added or removed by hand is put right by a build as usual. A repository
 * damaged since (a commit object lost) is not noticed until something else changes.
 *
 * <p>The key is taken from the files before they are read: a file changed while a build reads it
 * gives the next build another key. A file changed too recently for its times to tell a later
 * change (see {@link FileStat#SETTLE_NANOS}) gives no key, and the build is made as usual; "now" is
 * the request's clock's.
 */
final class LastBuild {

    /**
     * What is remembered of a build.
     *
     * @param key      the build's key, see {@link LastBuild}
     * @param asOf     the date its statuses were computed at
     * @param zone     the site's time zone, in which a build without {@code --as-of} takes today
     * @param files    how many files it published
     * @param warnings what it warned of
     * @param marker   what the file system said of the site's marker once published: a site another build
     *                 replaced since has another
     */
    public record Remembered(String key, LocalDate asOf, String zone, int files, List<Problem> warnings, String marker) {
    }

    private LastBuild() {
    }

    /**
     * A build's key, and the part of it that stands for the content's Git repository (null when the
     * history is not read), which the history the build then reads must have been read from.
     */
    record Key(String value, String git) {
        /** Whether the build read the history this key describes, or none at all. */
        boolean describes(ChangeHistory history) {
            return history.status() == ChangeHistory.Status.NOT_READ || (history.source() != null && history.source().equals(git));
        }
    }

    /**
     * What a build sees of its files before reading any: the content folder's state, which the read then
     * follows (empty where the folder must be read to be known, see {@link ContentFiles#state}), and the
     * build's key taken from it (empty where none vouches for the build).
     */
    record Look(Optional<FolderState> content, Optional<Key> key) {
    }

    /** Looks at the content folder once, for the key and for the read. */
    static Look look(BuildRequest request) {
        // Taken before the walk: a file must have settled before the walk looked at it.
        long now = request.clock().millis() * 1_000_000L;
        Optional<FolderState> content = ContentFiles.state(request.content());
        return new Look(content, key(request, content, now));
    }

    /**
     * The key of a build, taken before it reads anything; empty when the build cannot be vouched for by
     * one (a snapshot, which the site keeps and a build reports on; a file changed a moment ago; a folder
     * whose reading would be reported).
     */
    private static Optional<Key> key(BuildRequest request, Optional<FolderState> walked, long now) {
        if (request.snapshot() || request.cache() == null) {
            return Optional.empty();
        }
        Optional<FolderState> content = walked.filter(state -> state.settledBefore(now));
        Optional<FolderState> templates = TemplateFiles.state(request.templates()).filter(state -> state.settledBefore(now));
        if (content.isEmpty() || templates.isEmpty()) {
            return Optional.empty();
        }
        List<Object> parts = new ArrayList<>(List.of(Tool.fingerprint(), request.content().toString(), request.output().toString(),
                String.valueOf(request.templates()), String.valueOf(request.asOf()), String.valueOf(request.baseUrl()),
                String.valueOf(request.organisation()), request.allOrganisations(), request.pdfs(),
                request.protectedNames().fingerprint(), String.valueOf(request.since()), request.history()));
        parts.add(describe(content.get()));
        parts.add(describe(templates.get()));
        String git = null;
        if (request.history()) {
            Optional<String> state = GitHistory.state(request.content());
            if (state.isEmpty()) {
                return Optional.empty();
            }
            git = state.get();
            parts.add(git);
        }
        // with PDFs or without: the check of characters the PDFs' font cannot draw warns by it
        parts.add(PdfFonts.fingerprintInUse());
        return Optional.of(new Key(Fingerprint.of(parts), git));
    }

    /**
     * A folder's state as text, each file's path and stat and each folder's path ended by a NUL, which
     * no path holds: tens of thousands of files are described before every build, and as text they are
     * fingerprinted in a few milliseconds.
     */
    private static List<Object> describe(FolderState state) {
        StringBuilder files = new StringBuilder(state.files().size() * 96);
        state.files().forEach((path, stat) -> files.append(path).append('\0').append(stat.size()).append(' ').append(stat.modified())
                .append(' ').append(stat.changed()).append(' ').append(stat.identity()).append('\0'));
        StringBuilder folders = new StringBuilder();
        state.folders().forEach(folder -> folders.append(folder).append('\0'));
        return List.of(state.realPath(), files.toString(), folders.toString());
    }

    /**
     * The outcome of the last build published to {@code folder} when it had this key and the site is still
     * as it published it (and, without {@code --as-of}, it is still the same day in the site's time zone).
     */
    static Optional<BuildResult> find(BuildRequest request, BuildCache cache, OutputFolder folder, Key key) {
        Optional<Remembered> last = read(cache.lastBuildFor(folder.path()));
        if (last.isEmpty() || !last.get().key().equals(key.value())
                || !last.get().marker().equals(OutputFolder.describeMarker(folder.path()))) {
            return Optional.empty();
        }
        if (request.asOf() == null && !LocalDate.now(request.clock().withZone(ZoneId.of(last.get().zone()))).equals(last.get().asOf())) {
            return Optional.empty();
        }
        if (!StagedDirectoryPublisher.isIntact(folder, cache.manifestFor(folder.path()))) {
            return Optional.empty();
        }
        return Optional.of(BuildResult.unchanged(last.get().warnings(), last.get().asOf(), last.get().files()));
    }

    /**
     * Remembers a build that published a site: all its problems are warnings.
     *
     * @param marker what the file system said of the marker of the site this build published
     *               ({@link StagedDirectoryPublisher#publishedMarker}), not of whatever is in place now:
     *               another build may have replaced it since
     */
    static void remember(BuildCache cache, OutputFolder folder, Key key, BuildResult result, ZoneId zone, String marker) {
        Path file = cache.lastBuildFor(folder.path());
        if (file == null || marker == null) {
            return;
        }
        Remembered remembered = new Remembered(key.value(), result.asOf(), zone.getId(), result.filesWritten(), result.problems(),
                marker);
        // Not written, the next build is made as usual: slower, never wrong.
        BuildCache.writeAtomically(file, ModelCodec.write(remembered));
    }

    private static Optional<Remembered> read(Path file) {
        try {
            if (file != null && Files.isRegularFile(file) && ModelCodec.read(Files.readAllBytes(file)) instanceof Remembered remembered) {
                return Optional.of(remembered);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable record only means the build is made as usual
        }
        return Optional.empty();
    }

}
