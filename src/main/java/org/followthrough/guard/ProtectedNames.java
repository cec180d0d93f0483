package org.followthrough.guard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followthrough.problem.Location;
import org.followthrough.problem.Problem;

/**
 * The names and phrases that must never be published (the real names an investigation report
 * anonymised, say), read from a file of one a line that need not be, and should not be, in the
 * content repository. A name is only ever told by its line in the file ("protected name #3"),
 * never written out: not in messages, logs, the site or the build cache. Immutable and thread-safe.
 *
 * <p>Blank lines and lines starting with {@code #} are left out, and keep the others' numbers.
 */
public final class ProtectedNames {

    /** No list: nothing is searched. */
    public static final ProtectedNames NONE = new ProtectedNames(null, List.of(), List.of());

    private final Path file;
    /** The line number of each name the automaton finds, by its index. */
    private final List<Integer> lines;
    private final NameAutomaton automaton;
    /** A digest of the list's file name and names, each with its line: see {@link #fingerprint}. */
    private final String fingerprint;

    private ProtectedNames(Path file, List<String> folded, List<Integer> lines) {
        this.file = file;
        this.fingerprint = digest(file, folded, lines);
        this.lines = List.copyOf(lines);
        this.automaton = folded.isEmpty() ? null : new NameAutomaton(folded);
    }

    /** Why a list could not be read: the message says where and what to do, and never quotes the list. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** Reads the list in {@code file}. */
    public static ProtectedNames read(Path file) throws Unreadable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable("the protected names list " + file + " does not exist");
        } catch (IOException e) {
            throw new Unreadable("the protected names list " + file + " could not be read (" + e.getClass().getSimpleName() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("the protected names list " + file + " is not UTF-8; save it as UTF-8");
        }
        return parse(file, text);
    }

    /** A list given as text; {@code file} only names it in messages. */
    static ProtectedNames parse(Path file, String text) throws Unreadable {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Integer> byFolded = new LinkedHashMap<>();
        String[] rows = text.split("\r?\n|\r", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String folded = Folding.letters(row);
            if (folded.isEmpty()) {
                throw new Unreadable(file + ":" + (i + 1) + ": protected name #" + (i + 1)
                        + " has no letters or digits, so it would match nothing; remove the line or write the name on it");
            }
            // The same name written twice (with other accents, say) is told by its first line.
            byFolded.putIfAbsent(folded, i + 1);
        }
        return new ProtectedNames(file, new ArrayList<>(byFolded.keySet()), new ArrayList<>(byFolded.values()));
    }

    /**
     * A digest of what the list searches for and says of it (each name, its line, the file's name), never
     * the names themselves: the same digest, the same findings and messages for the same text.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static String digest(Path file, List<String> folded, List<Integer> lines) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(file).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < folded.size(); i++) {
                digest.update(("\n" + lines.get(i) + "\t" + folded.get(i)).getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Whether there is nothing to search for. */
    public boolean isEmpty() {
        return automaton == null;
    }

    /** The list's file, as given, for messages. */
    public Path file() {
        return file;
    }

    /** How messages name a protected name: by its line in the list. */
    public static String describe(int line) {
        return "protected name #" + line;
    }

    /** One protected name found in a text: its line in the list, and where it starts and ends in the text (the end exclusive). */
    public record Hit(int line, int start, int end) {
    }

    /** Every protected name in a text, read as plain text, in order. */
    public List<Hit> find(String text) {
        return find(text, PublishedText.Kind.PLAIN);
    }

    /** Every protected name in a text, read every way its kind of file can be read, in order of where each starts; each place once. */
    List<Hit> find(String text, PublishedText.Kind kind) {
        if (automaton == null) {
            return List.of();
        }
        Map<Long, Hit> hits = new LinkedHashMap<>();
        for (char[] reading : PublishedText.readings(text, kind)) {
            automaton.scan(reading, 0, reading.length, (name, start, end) ->
                    hits.putIfAbsent(((long) name << 32) | start, new Hit(lines.get(name), start, end)));
        }
        List<Hit> sorted = new ArrayList<>(hits.values());
        sorted.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::line));
        return sorted;
    }

    /** {@code text} with every protected name in it replaced by how messages name it. */
    public String redact(String text) {
        if (automaton == null || text == null) {
            return text;
        }
        List<Hit> hits = new ArrayList<>(find(text));
        if (hits.isEmpty()) {
            return text;
        }
        // the longest of names starting at one place first, so that no part of it is left showing
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Hit hit : hits) {
            if (hit.start() < at) {
                at = Math.max(at, hit.end()); // overlaps a name already replaced: its rest goes too
                continue;
            }
            out.append(text, at, hit.start()).append('[').append(describe(hit.line())).append(']');
            at = hit.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /** Problems as they may be printed: any protected name in a file name, message or hint replaced by its number. */
    public List<Problem> redact(List<Problem> problems) {
        if (automaton == null) {
            return problems;
        }
        return problems.stream().map(p -> new Problem(p.severity(),
                new Location(redact(p.location().file()), p.location().line(), p.location().column()),
                redact(p.message()), redact(p.hint()))).toList();
    }

    /** The line and column (from 1, in characters) of a position of a text. */
    static Location locate(String file, String text, int position) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = text.codePointCount(lineStart, Math.min(position, text.length())) + 1;
        return new Location(file, line, column);
    }
}
