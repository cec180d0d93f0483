package org.followthrough.guard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every protected name in a text in one pass, however many names there are (Aho–Corasick,
 * as a table of transitions over the letters the names use). The text is read through
 * {@link Folding}: names are compared without case, accents or what separates their words, and a
 * name is found only as whole words, so "Ann" is found in "Ann's" and "Jo Ann" but not in "annual".
 * Immutable and thread-safe once built.
 */
final class NameAutomaton {

    /** Marks a position of a text that stands for nothing (the rest of an entity, a folded line break of a calendar). */
    static final char IGNORED = '\uFFFF';

    /** Receives each name found: which, and where in the text it starts and ends (the end exclusive). */
    @FunctionalInterface
    interface Found {
        void at(int name, int start, int end);
    }

    /** What an ASCII character of a text is to the automaton: a symbol (-1 for a letter no name has), or {@link #SEPARATES}. */
    private static final int SEPARATES = -2;

    private final int[] asciiSymbol = new int[128];
    private final int[] asciiCode = new int[128];
    private final Map<Character, Integer> otherSymbols = new HashMap<>();
    private final int alphabet;
    /** The state after each state and symbol: {@code next[state * alphabet + symbol]}. */
    private final int[] next;
    /** The names that end at each state (its own and those its suffixes end). */
    private final int[][] ending;
    private final int[] lengths;
    private final int window;

    /** @param names each name's folded letters ({@link Folding#letters}), none empty; a name is found by its index */
    NameAutomaton(List<String> names) {
        Arrays.fill(asciiSymbol, -1);
        int symbols = 0;
        for (String name : names) {
            for (char c : name.toCharArray()) {
                if (symbol(c) < 0) {
                    if (c < 128) {
                        asciiSymbol[c] = symbols++;
                    } else {
                        otherSymbols.put(c, symbols++);
                    }
                }
            }
        }
        alphabet = Math.max(1, symbols);
        for (char c = 0; c < 128; c++) {
            String folded = Folding.fold(c);
            asciiCode[c] = folded == Folding.SEPARATOR ? SEPARATES : symbol(folded.charAt(0));
        }
        lengths = names.stream().mapToInt(String::length).toArray();
        int longest = Arrays.stream(lengths).max().orElse(0);
        window = Integer.highestOneBit(Math.max(1, longest)) * 2;

        // the trie
        List<int[]> children = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        children.add(newRow());
        own.add(new ArrayList<>());
        for (int n = 0; n < names.size(); n++) {
            int state = 0;
            for (char c : names.get(n).toCharArray()) {
                int s = symbol(c);
                if (children.get(state)[s] < 0) {
                    children.get(state)[s] = children.size();
                    children.add(newRow());
                    own.add(new ArrayList<>());
                }
                state = children.get(state)[s];
            }
            own.get(state).add(n);
        }
        // failure links, breadth first, turning the trie into a table of transitions
        int states = children.size();
        next = new int[states * alphabet];
        ending = new int[states][];
        int[] failure = new int[states];
        Deque<Integer> queue = new ArrayDeque<>();
        ending[0] = new int[0];
        for (int s = 0; s < alphabet; s++) {
            int child = children.get(0)[s];
            next[s] = Math.max(child, 0);
            if (child > 0) {
                failure[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> ends = new ArrayList<>(own.get(state));
            for (int n : ending[failure[state]]) {
                ends.add(n);
            }
            ending[state] = ends.stream().mapToInt(Integer::intValue).toArray();
            for (int s = 0; s < alphabet; s++) {
                int child = children.get(state)[s];
                if (child > 0) {
                    failure[child] = next[failure[state] * alphabet + s];
                    next[state * alphabet + s] = child;
                    queue.add(child);
                } else {
                    next[state * alphabet + s] = next[failure[state] * alphabet + s];
                }
            }
        }
    }

    private int[] newRow() {
        int[] row = new int[alphabet];
        Arrays.fill(row, -1);
        return row;
    }

    private int symbol(char c) {
        if (c < 128) {
            return asciiSymbol[c];
        }
        Integer s = otherSymbols.get(c);
        return s == null ? -1 : s;
    }

    /**
     * Reports every name in {@code text[from, to)} that starts and ends at the edge of a word;
     * positions holding {@link #IGNORED} are skipped. Start and end are positions in {@code text}.
     */
    void scan(char[] text, int from, int to, Found found) {
        Scan scan = new Scan(found);
        for (int i = from; i < to; ) {
            char c = text[i];
            if (c < 128) {
                // the common case, without a string per character
                int symbol = asciiCode[c];
                if (symbol == SEPARATES) {
                    scan.separator();
                } else {
                    scan.letter(symbol, i, i + 1);
                }
                i++;
                continue;
            }
            if (c == IGNORED) {
                i++;
                continue;
            }
            int codePoint = Character.codePointAt(text, i, to);
            int width = Character.charCount(codePoint);
            String folded = Folding.fold(codePoint);
            if (folded == Folding.SEPARATOR) {
                scan.separator();
            } else {
                for (int k = 0; k < folded.length(); k++) {
                    scan.letter(symbol(folded.charAt(k)), i, i + width);
                }
            }
            i += width;
        }
        scan.separator();
    }

    /** One pass over a text: where the automaton is, and the last letters read with where each came from. */
    private final class Scan {
        private final Found found;
        private final int mask = window - 1;
        private final int[] origin = new int[window];
        private final boolean[] wordStart = new boolean[window];
        // names whose last letter was the last one read: found if a separator (or the end) follows
        private int[] pendingName = new int[8];
        private int[] pendingStart = new int[8];
        private int[] pendingEnd = new int[8];
        private int pending;
        private int state;
        private int position;
        private boolean separated = true;

        Scan(Found found) {
            this.found = found;
        }

        void separator() {
            for (int p = 0; p < pending; p++) {
                found.at(pendingName[p], pendingStart[p], pendingEnd[p]);
            }
            pending = 0;
            separated = true;
        }

        /** A folded letter or digit, {@code symbol} in the automaton's alphabet (or -1), from text[start, end). */
        void letter(int symbol, int start, int end) {
            pending = 0; // a letter follows: what ended just before is part of a longer word
            int slot = position & mask;
            origin[slot] = start;
            wordStart[slot] = separated;
            separated = false;
            state = symbol < 0 ? 0 : next[state * alphabet + symbol];
            for (int name : ending[state]) {
                int first = (position - lengths[name] + 1) & mask;
                if (wordStart[first]) {
                    if (pending == pendingName.length) {
                        pendingName = Arrays.copyOf(pendingName, pending * 2);
                        pendingStart = Arrays.copyOf(pendingStart, pending * 2);
                        pendingEnd = Arrays.copyOf(pendingEnd, pending * 2);
                    }
                    pendingName[pending] = name;
                    pendingStart[pending] = origin[first];
                    pendingEnd[pending] = end;
                    pending++;
                }
            }
            position++;
        }
    }
}
