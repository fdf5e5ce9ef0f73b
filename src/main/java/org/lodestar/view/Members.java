package org.lodestar.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Turns one page of ranked members and the assertions behind them into {@link EntityView.Member}s.
 * A member's line shows one edge key and one justification: the assertion on the focus's own page
 * when it is of a typed edge (the page said it that way), else the first typed edge by key with
 * its first justification; a neighbour with untyped links only shows its label.
 */
final class Members {
    /** One row of member_assertions.rq. */
    record Assertion(String edge, String key, boolean outgoing, String id, String page, String text,
                     Integer position, Integer line) {}

    private Members() {}

    /** The rows of member_assertions.rq by member, read once for every group of the view. */
    static Map<String, List<Assertion>> byMember(List<Binding> assertionRows) {
        Map<String, List<Assertion>> byMember = new LinkedHashMap<>();
        for (Binding r : assertionRows)
            byMember.computeIfAbsent(Rows.iri(r, "member"), m -> new ArrayList<>()).add(new Assertion(
                    Rows.iri(r, "edge"), Rows.text(r, "key"), Rows.bool(r, "outgoing"), Rows.iri(r, "assertion"),
                    Rows.iri(r, "page"), Rows.text(r, "justification"), Rows.optionalInteger(r, "position"),
                    Rows.optionalInteger(r, "line")));
        return byMember;
    }

    static List<EntityView.Member> read(List<Binding> ranked, Map<String, List<Assertion>> byMember, String focusPage) {
        List<EntityView.Member> members = new ArrayList<>();
        for (Binding r : ranked) {
            String uri = Rows.iri(r, "member");
            List<Assertion> all = byMember.getOrDefault(uri, List.of());
            Optional<Assertion> shown = shown(all, focusPage);
            members.add(new EntityView.Member(uri, Rows.text(r, "id"), Rows.text(r, "label"),
                    shown.map(Assertion::key).orElse(null), shown.map(Assertion::text).orElse(null),
                    justifications(all), keys(all), Rows.integer(r, "edgeCount"), Rows.number(r, "degree"),
                    Rows.optionalInteger(r, "position")));
        }
        return List.copyOf(members);
    }

    private static Optional<Assertion> shown(List<Assertion> all, String focusPage) {
        Optional<Assertion> own = all.stream()
                .filter(a -> a.key() != null && focusPage != null && focusPage.equals(a.page()))
                .min(Comparator.comparing(Assertion::position, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Assertion::line, Comparator.nullsLast(Comparator.naturalOrder())));
        if (own.isPresent())
            return own;
        // Rows come ordered by key, page and line: the first typed row is the first edge by key.
        Optional<Assertion> first = all.stream().filter(a -> a.key() != null).findFirst();
        return first.map(f -> all.stream()
                .filter(a -> Objects.equals(a.edge(), f.edge()) && a.text() != null)
                .findFirst().orElse(f));
    }

    private static List<EntityView.Justification> justifications(List<Assertion> all) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<EntityView.Justification> result = new ArrayList<>();
        for (Assertion a : all)
            if (a.text() != null && seen.add(a.id() + " " + a.text()))
                result.add(new EntityView.Justification(a.key(), a.outgoing(), a.text(), a.page()));
        return List.copyOf(result);
    }

    private static List<String> keys(List<Assertion> all) {
        TreeSet<String> keys = new TreeSet<>();
        all.stream().map(Assertion::key).filter(Objects::nonNull).forEach(keys::add);
        return List.copyOf(keys);
    }
}
