package org.lodestar.view;

import java.util.StringJoiner;

/**
 * The seed page's own format, line for line, so that the view of an imported entity reads like the
 * page it came from: header, "Neighborhood — ranked by edge-count", each group's heading and type
 * key and {@code - {label}{edge key}{justification}} lines, then the similarity section with
 * {@code - {label}{type key}{score}{note}} lines. Lines a page would leave empty (no status for
 * an entity only mentioned, a label-only line's edge key) are left out, as the page would. Every
 * line ends with a line feed.
 */
final class TextRenderer {
    static final String NEIGHBOURHOOD = "Neighborhood — ranked by edge-count";
    static final String SIMILARITY_EXPLANATION = "Entities in the same semantic neighborhood but without a typed "
            + "relation to this one — candidates for new edges or unrecognized duplicates.";

    private TextRenderer() {}

    static String render(EntityView v) {
        StringJoiner out = new StringJoiner("\n", "", "\n");
        out.add(v.typeKey());
        if (v.status() != null)
            out.add(v.status());
        out.add(v.id() + v.label());
        if (v.description() != null)
            out.add(v.description());
        out.add(NEIGHBOURHOOD);
        for (EntityView.Group g : v.groups()) {
            out.add(g.heading() + " (" + g.count() + ")");
            out.add(g.typeKey());
            for (EntityView.Member m : g.members())
                out.add("- " + m.label() + orEmpty(m.edge()) + (m.edge() == null ? "" : orEmpty(m.justification())));
        }
        if (v.similar() != null && v.similar().count() > 0) {
            out.add("Related by similarity (" + v.similar().count() + ")");
            out.add("cosine ≥ " + v.similar().threshold().toPlainString() + " · no typed edge" + SIMILARITY_EXPLANATION);
            for (EntityView.SimilarMember s : v.similar().members())
                out.add(similarLine(s));
        }
        return out.toString();
    }

    /** A line without a score is one where only the label survived: it stays label-only. */
    private static String similarLine(EntityView.SimilarMember s) {
        if (s.score() == null)
            return "- " + s.label();
        return "- " + s.label() + (s.typed() ? s.typeKey() : "") + s.score() + orEmpty(s.note());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
