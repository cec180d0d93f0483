package org.followthrough.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.followthrough.format.ContentFormat;
import org.followthrough.format.SchemaWriter;

/**
 * A new content repository for one body or partnership, laid out so that every command works from
 * its root with no options: {@code content/} with the site, the body's organisation file and an
 * example plan that passes {@code check}; the JSON Schemas and the editor settings that use them; a
 * {@code .gitignore}; a README for editors; and CI files for GitHub Actions and GitLab CI.
 *
 * <p>The files are resources under {@code starter/}, listed in {@code starter/files.txt}; {@code @@KEY@@}
 * in them is replaced by the body's details, the release and dates near today.
 */
public final class StarterRepository {

    static final String RESOURCES = "starter/";
    private static final Pattern KEY = Pattern.compile("@@([A-Z_]+)@@");

    /** The body the repository is for: its id (the organisation file's name), full name, type and site address. */
    public record Body(String id, String name, String type, String baseUrl) {
    }

    /** The release that writes the repository: its CI files install the same one. */
    public record Release(String version, String home, String downloadUrl) {
    }

    private StarterRepository() {
    }

    /**
     * Why {@code folder} cannot take a new repository, if it cannot: it is a file, or a folder with anything in it but a Git
     * repository's own {@code .git} (so that {@code git init} may come first).
     */
    public static Optional<String> refusal(Path folder) {
        if (Files.isRegularFile(folder)) {
            return Optional.of(folder + " is a file; give the name of a new or empty folder");
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                List<String> found = entries.map(entry -> entry.getFileName().toString()).filter(name -> !name.equals(".git")).sorted().toList();
                if (!found.isEmpty()) {
                    String named = String.join(", ", found.subList(0, Math.min(3, found.size()))) + (found.size() > 3 ? " and "
                            + (found.size() - 3) + " more" : "");
                    return Optional.of(folder + " is not empty (it holds " + named + "); init writes only into a new or empty folder"
                            + " (one holding only Git's .git is fine), and never over a file: give the name of a new folder, or move those"
                            + " files out and run init again");
                }
            } catch (IOException e) {
                return Optional.of(folder + ": could not read the folder: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the repository into {@code folder} (created if needed), never replacing a file.
     *
     * @return the files written, relative to the folder, with forward slashes
     */
    public static List<String> write(Path folder, Body body, Release release, LocalDate today) throws IOException {
        Map<String, String> values = values(body, release, today);
        List<String> written = new ArrayList<>();
        for (String line : resource("files.txt").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            written.add(create(folder, fill(parts[1], values), fill(resource(parts[0]), values)));
        }
        for (ContentFormat.FileKind kind : ContentFormat.FILE_KINDS) {
            written.add(create(folder, "content/schema/" + kind.schemaFileName(), SchemaWriter.schema(kind)));
        }
        return written;
    }

    private static Map<String, String> values(Body body, Release release, LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ID", body.id());
        values.put("NAME", YamlText.quoted(body.name()));
        values.put("NAME_TEXT", body.name());
        values.put("TYPE", body.type());
        values.put("BASE_URL", body.baseUrl());
        values.put("VERSION", release.version());
        values.put("HOME", release.home());
        values.put("DOWNLOAD_URL", release.downloadUrl());
        // The example's dates sit around today, so it is neither overdue nor stale when first built.
        values.put("PUBLISHED", today.minusMonths(2).toString());
        values.put("UPDATED", today.minusMonths(1).toString());
        values.put("TARGET", today.plusMonths(6).format(DateTimeFormatter.ofPattern("uuuu-MM")));
        return values;
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = KEY.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for " + matcher.group() + " in the starter files");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String create(Path folder, String relative, String text) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return relative;
    }

    static String resource(String name) {
        try (InputStream in = StarterRepository.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the starter file " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
