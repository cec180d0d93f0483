package org.followthrough.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.followthrough.format.Limits;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problems;

/**
 * Every file of a content folder, read once into memory in a fixed order. Nothing after the load
 * stage touches the disk, so validation and assembly are pure functions of these files.
 */
public final class ContentFiles {

    private final String displayRoot;
    private final Map<String, SourceFile> files;
    private final Map<String, byte[]> assets;
    private final Set<String> tooLarge;

    private ContentFiles(String displayRoot, Map<String, SourceFile> files) {
        this(displayRoot, files, Map.of(), Set.of());
    }

    private ContentFiles(String displayRoot, Map<String, SourceFile> files, Map<String, byte[]> assets, Set<String> tooLarge) {
        this.displayRoot = displayRoot;
        this.files = files;
        this.assets = assets;
        this.tooLarge = tooLarge;
    }

    /** Files under assets/ (logos), kept as bytes: they are copied, never read as text. */
    public Map<String, byte[]> assets() {
        return assets;
    }

    public static ContentFiles read(Path root, Problems problems) {
        String displayRoot = root.toString();
        Map<String, SourceFile> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            problems.error(Location.of(displayRoot), "the content folder does not exist",
                    "run from the folder that holds content/, or give --content DIR");
            return new ContentFiles(displayRoot, files);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.error(Location.of(displayRoot), "could not list the content folder: " + e.getMessage());
            return new ContentFiles(displayRoot, files);
        }
        Map<String, byte[]> assets = new TreeMap<>();
        Set<String> tooLarge = new TreeSet<>();
        for (Path path : paths) {
            String relative = root.relativize(path).toString().replace('\\', '/');
            if (!isContent(relative)) {
                continue;
            }
            if (relative.startsWith("assets/")) {
                try {
                    assets.put(relative, Files.readAllBytes(path));
                } catch (IOException e) {
                    problems.error(Location.of(display(displayRoot, relative)), "could not read the file: " + e.getMessage());
                }
                continue;
            }
            String display = display(displayRoot, relative);
            try {
                if (isTooLarge(path, display, problems)) {
                    // Kept, empty, so that what refers to it is not told it does not exist.
                    files.put(relative, new SourceFile(relative, display, ""));
                    tooLarge.add(relative);
                    continue;
                }
                byte[] bytes = Files.readAllBytes(path);
                files.put(relative, new SourceFile(relative, display, decode(bytes, display, problems)));
            } catch (IOException e) {
                problems.error(Location.of(display), "could not read the file: " + e.getMessage());
            }
        }
        return new ContentFiles(displayRoot, files, Map.copyOf(assets), Set.copyOf(tooLarge));
    }

    /** A file over {@link Limits#MAX_FILE_BYTES} is reported and not read: reading it could exhaust memory, and building from it time. */
    private static boolean isTooLarge(Path path, String display, Problems problems) throws IOException {
        long size = Files.size(path);
        if (size <= Limits.MAX_FILE_BYTES) {
            return false;
        }
        problems.error(Location.of(display), "the file is " + Limits.size(size) + "; a content file may be at most " + Limits.fileSize(),
                display.endsWith(".md") ? "shorten the text, or link to the full document instead of copying it in"
                        : "split it: each recommendation has a file of its own, and long texts can go in Markdown files ({file: name.md})");
        return true;
    }

    /** Whether a file was too large to read: its problem is reported, and nothing more should be said of its content. */
    public boolean isTooLarge(String path) {
        return tooLarge.contains(path);
    }

    private static boolean isContent(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return !name.startsWith(".") && !relative.startsWith("schema/");
    }

    private static String display(String root, String relative) {
        if (root.isEmpty() || root.equals(".")) {
            return relative;
        }
        return root.endsWith("/") ? root + relative : root + "/" + relative;
    }

    /**
     * Decodes a file as UTF-8. A file that is not UTF-8 is reported and kept with U+FFFD in place of the
     * bad bytes: the files that refer to it are still checked, without being told that it does not exist.
     * Nothing is published after an error, so the replaced text never reaches the site.
     */
    static String decode(byte[] bytes, String display, Problems problems) {
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
                    String.format("the file is not UTF-8 (byte 0x%02X cannot start or continue a UTF-8 character)", bytes[bad] & 0xff),
                    "save the file as UTF-8 in your editor (it may have been saved as Windows-1252 or Latin-1)");
            return stripBom(new String(bytes, StandardCharsets.UTF_8));
        }
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

    public Optional<SourceFile> get(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** Files directly or indirectly under a folder, in path order. */
    public List<SourceFile> under(String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        List<SourceFile> result = new ArrayList<>();
        for (var entry : files.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                result.add(entry.getValue());
            }
        }
        return result;
    }

    /** The path of a content file as editors see it in messages, whether or not the file exists. */
    public String display(String relative) {
        return display(displayRoot, relative);
    }
}
