package io.bindery.server.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name closest to a misspelt one, by edit distance, ignoring case.
 */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * Returns the closest candidate, if any is close enough to be a likely typo.
     *
     * @param typo the misspelt name
     * @param candidates the known names
     * @return the closest name within a third of the typo's length (at least 2 edits)
     */
    static Optional<String> closest(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typo.toLowerCase(Locale.ROOT),
                    candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, typo.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * Returns a fix that proposes the closest name, then lists all of them.
     *
     * @param typo the misspelt name
     * @param candidates the known names
     * @param what what the names are, such as {@code keys here}
     * @return a clause such as {@code write 'adminPort' instead (keys here: port, adminPort)}
     */
    static String fix(String typo, Collection<String> candidates, String what) {
        String known = String.join(", ", candidates);
        return closest(typo, candidates)
                .map(name -> "did you mean '" + name + "'? (" + what + ": " + known + ")")
                .orElse("use one of the " + what + ": " + known);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
                        previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
