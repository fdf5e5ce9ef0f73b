package org.lodestar.trials;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per category and outcome, and the first few findings of each category in full, so that a
 * run prints a table and enough of each failure to reproduce it.
 *
 * @param <C> the category (a mutation kind, a kind of hostile request)
 */
final class Findings<C extends Comparable<C>> {
    private static final int KEPT_PER_CATEGORY = 5;

    private final Map<C, EnumMap<Outcome, Integer>> counts = new TreeMap<>();
    private final Map<C, List<String>> examples = new TreeMap<>();
    private final List<String> all = new ArrayList<>();

    synchronized void count(C category, Outcome outcome, String detail) {
        counts.computeIfAbsent(category, c -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
        if (outcome.finding) {
            String line = category + " " + outcome + ": " + detail;
            all.add(line);
            List<String> kept = examples.computeIfAbsent(category, c -> new ArrayList<>());
            if (kept.size() < KEPT_PER_CATEGORY)
                kept.add(line);
        }
    }

    synchronized int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    synchronized int count(Outcome outcome) {
        return counts.values().stream().mapToInt(m -> m.getOrDefault(outcome, 0)).sum();
    }

    /** Every finding, one line each. */
    synchronized List<String> findings() {
        return List.copyOf(all);
    }

    /** A table: one row per category, one column per outcome that occurred; then the findings kept. */
    synchronized void print(String title, PrintStream out) {
        List<Outcome> seen = new ArrayList<>();
        for (Outcome o : Outcome.values())
            if (o == Outcome.ACCEPTED || o == Outcome.REFUSED || count(o) > 0)
                seen.add(o);
        out.printf("%s%n%-22s", title, "");
        seen.forEach(o -> out.printf("%15s", o.name().toLowerCase()));
        out.println();
        counts.forEach((c, m) -> {
            out.printf("%-22s", c.toString().toLowerCase());
            seen.forEach(o -> out.printf("%15d", m.getOrDefault(o, 0)));
            out.println();
        });
        out.printf("%-22s", "total");
        seen.forEach(o -> out.printf("%15d", count(o)));
        out.println();
        int found = all.size();
        out.println(found == 0 ? "no findings" : found + " finding(s):");
        examples.values().forEach(list -> list.forEach(l -> out.println("  " + l)));
    }
}
