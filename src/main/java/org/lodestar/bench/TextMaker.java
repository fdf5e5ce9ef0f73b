package org.lodestar.bench;

import java.util.SplittableRandom;

/**
 * Labels, descriptions, justifications and notes of realistic lengths: short title-case names for
 * concepts, frameworks and methods, people and "et al." groups for thinkers, long titles for papers,
 * sentences for claims, questions, artifacts and quotes. Every text starts with a capital letter,
 * so that a justification or a note glued to a key reads as the seed format expects.
 */
final class TextMaker {
    private static final String[] LINKS = {"of", "in", "for", "and", "with", "under", "from", "by", "as", "on", "to",
            "between", "without", "across", "through", "the", "a", "its", "their", "that"};
    private static final String[] SUFFIXES = {"Theory", "Programme", "Approach", "Agenda", "Model", "Paradigm", "Account"};

    private final Words words;

    TextMaker(Words words) {
        this.words = words;
    }

    /** A label for an entity of this type key; uniqueness is the caller's business. */
    String label(String typeKey, SplittableRandom r) {
        return switch (typeKey) {
            case "thinker" -> person(r);
            case "concept" -> title(r, 1 + r.nextInt(3), true);
            case "framework" -> title(r, 1 + r.nextInt(2), false) + " " + pick(SUFFIXES, r);
            case "method" -> r.nextInt(3) == 0
                    ? title(r, 1 + r.nextInt(2), false) + " from " + title(r, 2, true)
                    : title(r, 2 + r.nextInt(2), true);
            case "paper" -> paperTitle(r);
            case "question" -> question(r);
            case "claim", "artifact" -> sentence(r, 7 + r.nextInt(12));
            case "quote" -> r.nextInt(4) == 0 ? "“" + sentence(r, 6 + r.nextInt(8)) + "”" : sentence(r, 8 + r.nextInt(9));
            default -> sentence(r, 6 + r.nextInt(9));
        };
    }

    String description(SplittableRandom r) {
        return sentence(r, 12 + r.nextInt(29));
    }

    /** A justification, or null for the member lines that carry none (about one in six). */
    String justification(SplittableRandom r) {
        int kind = r.nextInt(20);
        if (kind < 3)
            return null;
        if (kind == 3)
            return "“" + sentence(r, 5 + r.nextInt(10)) + "”";
        return sentence(r, 6 + r.nextInt(20));
    }

    /** A similarity note, or null (about one in four). */
    String note(SplittableRandom r) {
        return r.nextInt(4) == 0 ? null : sentence(r, 5 + r.nextInt(14));
    }

    String status(SplittableRandom r) {
        int k = r.nextInt(100);
        return k < 85 ? "active" : k < 93 ? "draft" : k < 97 ? "stub" : "archived";
    }

    private String person(SplittableRandom r) {
        String last = pick(words.lastNames, r);
        return switch (r.nextInt(8)) {
            case 0, 1 -> last + " et al.";
            case 2 -> pick(words.firstNames, r).charAt(0) + ". " + last;
            case 3 -> pick(words.firstNames, r) + " " + (char) ('A' + r.nextInt(26)) + ". " + last;
            case 4 -> pick(words.firstNames, r) + " " + pick(words.lastNames, r) + "-" + last;
            default -> pick(words.firstNames, r) + " " + last;
        };
    }

    private String paperTitle(SplittableRandom r) {
        String title = r.nextInt(3) == 0
                ? title(r, 1 + r.nextInt(3), true) + ": " + title(r, 3 + r.nextInt(6), true)
                : title(r, 5 + r.nextInt(9), true);
        return r.nextInt(6) == 0 ? title + " (" + (1990 + r.nextInt(36)) + ")" : title;
    }

    private String question(SplittableRandom r) {
        return pick(words.starts, r) + " " + phrase(r, 7 + r.nextInt(13), false) + "?";
    }

    /** Title-case words, with an adjective first when {@code adjective}, and linking words inside. */
    private String title(SplittableRandom r, int nouns, boolean adjective) {
        StringBuilder s = new StringBuilder();
        if (adjective && r.nextBoolean())
            s.append(capital(pick(words.adjectives, r))).append(' ');
        for (int i = 0; i < nouns; i++) {
            if (i > 0)
                s.append(' ').append(i % 3 == 2 ? pick(LINKS, r) + " " : "");
            s.append(capital(pick(words.nouns, r)));
        }
        return s.toString();
    }

    /** A sentence of about {@code n} words, capitalised, without a final full stop (as real pages write them). */
    String sentence(SplittableRandom r, int n) {
        return capital(phrase(r, n, true));
    }

    private String phrase(SplittableRandom r, int n, boolean punctuation) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0)
                s.append(punctuation && r.nextInt(14) == 0 ? (r.nextInt(3) == 0 ? "; " : ", ") : " ");
            int k = r.nextInt(10);
            s.append(k < 4 ? pick(words.nouns, r) : k < 6 ? pick(words.adjectives, r) : k < 7 ? pick(words.verbs, r) : pick(LINKS, r));
        }
        return s.toString();
    }

    private static String capital(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + w.substring(1);
    }

    private static String pick(String[] a, SplittableRandom r) {
        return a[r.nextInt(a.length)];
    }
}
