package org.followthrough.problem;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" for misspelt field names, codes and ids. */
public final class Suggestions {

    private Suggestions() {
    }

    public static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        // A suggestion that keeps nothing of what was typed is a guess ('C' for 'A' when 'B' is as close): list the choices instead.
        boolean related = best != null && bestDistance < Math.max(typed.length(), best.length());
        if (related && bestDistance <= allowed) {
            return Optional.of(best);
        }
        return wordOf(typed, known);
    }

    /**
     * The one choice of which what was typed is a whole word ('police' of 'police_force'), where none is spelt like it: an
     * id or code shortened to its first word. None where several choices have that word, or what was typed is that short.
     */
    private static Optional<String> wordOf(String typed, Collection<String> known) {
        String word = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (word.length() < 3 || !word.chars().allMatch(Character::isLetterOrDigit)) {
            return Optional.empty();
        }
        java.util.List<String> having = known.stream().filter(candidate -> java.util.Arrays.asList(candidate.toLowerCase(java.util.Locale.ROOT)
                .split("[_\\-\\s]+")).contains(word)).toList();
        return having.size() == 1 ? Optional.of(having.get(0)) : Optional.empty();
    }

    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> "did you mean '" + s + "'?").orElse(null);
    }

    /** Optimal string alignment distance: a swap of two neighbours counts as one edit ("stauts"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
