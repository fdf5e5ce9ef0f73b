package org.lodestar.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The picture of a view: the focus in the middle, around it the best ranked neighbours of each
 * class (as many as fit: {@link #MAX_NODES} in all, shared between the groups), coloured by class,
 * each line labelled with its edge key and each node a link. Only positions are computed here; the
 * SVG is the {@code neighbourhood} template, so every label is escaped like any other text.
 */
public final class NeighbourhoodPicture {
    /** Nodes around the focus at most: beyond this the labels no longer fit the ring. */
    public static final int MAX_NODES = 18;
    static final int WIDTH = 760, HEIGHT = 460;
    private static final double CX = WIDTH / 2.0, CY = HEIGHT / 2.0, RX = 200, RY = 180;
    private static final int LABEL_CHARS = 26;

    /**
     * One colour per class, in the ontology's view order, each at least 3:1 against the picture's
     * light and dark backgrounds; a class beyond them is grey.
     */
    private static final Map<String, String> COLOURS = Map.of(
            "paper", "#2f6fd6", "thinker", "#c2410c", "framework", "#15803d", "method", "#7c3aed",
            "concept", "#0e7490", "question", "#b45309", "claim", "#be123c", "artifact", "#65801a", "quote", "#8a6d3b");
    private static final String OTHER = "#6b7280";

    private NeighbourhoodPicture() {}

    public static String colour(String typeKey) {
        return COLOURS.getOrDefault(typeKey, OTHER);
    }

    /**
     * The template scope of the picture, or null when the focus has no typed neighbour.
     *
     * @param href the page a node links to, from an identifier {@code type:slug}
     */
    public static Map<String, Object> scope(EntityView v, Function<String, String> href) {
        List<EntityView.Group> groups = v.groups().stream().filter(g -> !g.members().isEmpty()).toList();
        if (groups.isEmpty())
            return null;
        int[] shown = share(groups);
        int total = 0;
        for (int n : shown)
            total += n;
        List<Map<String, Object>> nodes = new ArrayList<>(), edges = new ArrayList<>(), legend = new ArrayList<>();
        int slot = 0;
        for (int gi = 0; gi < groups.size(); gi++) {
            EntityView.Group g = groups.get(gi);
            for (int i = 0; i < shown[gi]; i++, slot++) {
                EntityView.Member m = g.members().get(i);
                // start at the top and go clockwise, so the first group reads first
                double angle = -Math.PI / 2 + 2 * Math.PI * (slot + 0.5) / total;
                double x = CX + RX * Math.cos(angle), y = CY + RY * Math.sin(angle);
                double r = 5 + Math.min(9, 2 * Math.log1p(Math.max(0, m.degree())));
                boolean right = Math.cos(angle) >= 0;
                Map<String, Object> node = new HashMap<>();
                node.put("href", href.apply(m.id()));
                node.put("label", m.label());
                node.put("short", shorten(m.label()));
                node.put("type", g.typeKey());
                node.put("colour", colour(g.typeKey()));
                node.put("x", num(x));
                node.put("y", num(y));
                node.put("r", num(r));
                node.put("tx", num(x + (right ? r + 4 : -r - 4)));
                node.put("ty", num(y + 4));
                node.put("anchor", right ? "start" : "end");
                nodes.add(node);
                Map<String, Object> edge = new HashMap<>();
                edge.put("x1", num(CX));
                edge.put("y1", num(CY));
                edge.put("x2", num(x));
                edge.put("y2", num(y));
                String key = m.edge() != null ? m.edge() : m.edges().isEmpty() ? null : m.edges().get(0);
                edge.put("key", key);
                // along its line, upright, two thirds of the way out where the lines have drawn apart
                double kx = CX + 0.62 * (x - CX), ky = CY + 0.62 * (y - CY);
                double deg = Math.toDegrees(Math.atan2(y - CY, x - CX));
                if (deg > 90)
                    deg -= 180;
                else if (deg < -90)
                    deg += 180;
                edge.put("kx", num(kx));
                edge.put("ky", num(ky - 3));
                edge.put("rotate", num(deg) + " " + num(kx) + " " + num(ky));
                edges.add(edge);
            }
            Map<String, Object> entry = new HashMap<>();
            entry.put("heading", g.heading());
            entry.put("colour", colour(g.typeKey()));
            entry.put("shown", shown[gi]);
            entry.put("count", g.count());
            entry.put("more", g.count() > shown[gi]);
            legend.add(entry);
        }
        int all = groups.stream().mapToInt(EntityView.Group::count).sum();
        Map<String, Object> p = new HashMap<>();
        p.put("width", WIDTH);
        p.put("height", HEIGHT);
        p.put("title", "The neighbourhood of " + v.label() + ": " + total + " of " + all + " typed neighbours");
        p.put("focusLabel", shorten(v.label()));
        p.put("focusFullLabel", v.label());
        p.put("focusColour", colour(v.typeKey()));
        p.put("cx", num(CX));
        p.put("cy", num(CY));
        p.put("fy", num(CY + 34));
        p.put("nodes", nodes);
        p.put("edges", edges);
        p.put("legend", legend);
        p.put("shownCount", total);
        p.put("allCount", all);
        p.put("capped", all > total);
        return p;
    }

    /**
     * How many members of each group are drawn: an even share of {@link #MAX_NODES}, and what a
     * small group leaves over goes to the larger ones, in order.
     */
    static int[] share(List<EntityView.Group> groups) {
        int[] shown = new int[groups.size()];
        int left = MAX_NODES;
        boolean grew = true;
        while (left > 0 && grew) {
            grew = false;
            for (int i = 0; i < groups.size() && left > 0; i++) {
                if (shown[i] < groups.get(i).members().size()) {
                    shown[i]++;
                    left--;
                    grew = true;
                }
            }
        }
        return shown;
    }

    private static String shorten(String label) {
        if (label == null)
            return "";
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1).strip() + "…";
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
