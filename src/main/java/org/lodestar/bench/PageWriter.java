package org.lodestar.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.lodestar.ontology.EntityClass;
import org.lodestar.rdf.Uris;

/**
 * Writes one entity's page in the seed format: header, status, id glued to the label, description,
 * the neighbourhood grouped by class in view order (members ranked by degree, each with its edge key
 * and justification glued on, or a bare label), then the imported similarity lines: typed with a
 * score and a note, or degraded to a label only. Some pages have a byte-order mark, CRLF line ends
 * or no final line end, as real files do. The text of a page depends only on the seed and the
 * page's entity, so pages can be written in any order and in parallel.
 */
final class PageWriter {
    static final String NEIGHBOURHOOD = "Neighborhood — ranked by edge-count";
    static final String THRESHOLD = "cosine ≥ 0.65 · no typed edge";
    static final String EXPLANATION = "Entities in the same semantic neighborhood but without a typed relation to this one"
            + " — candidates for new edges or unrecognized duplicates.";
    private static final int MAX_NAME = 80;

    private final SyntheticGraph g;
    private final TextMaker text;
    private final long seed;

    PageWriter(SyntheticGraph graph, TextMaker text, long seed) {
        this.g = graph;
        this.text = text;
        this.seed = seed;
    }

    /** The page's file name: {@code {type}-{slug}.txt}, or a hashed name for long slugs (as real exports have). */
    String fileName(int e) {
        String name = g.typeKey(e) + "-" + g.slug[e];
        return name.length() <= MAX_NAME ? name + ".txt"
                : String.format("%03d_%s.txt", e % 1000, Uris.hash(g.typeKey(e) + ":" + g.slug[e], 16));
    }

    /** The page's bytes, and how many similarity lines it has. */
    record Page(byte[] bytes, int similarityLines) {}

    Page render(int e) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + e);
        StringBuilder s = new StringBuilder(256);
        String type = g.typeKey(e);
        line(s, type);
        line(s, text.status(r));
        line(s, type + ":" + g.slug[e] + g.label[e]);
        line(s, text.description(r));
        line(s, NEIGHBOURHOOD);
        members(s, e, r);
        int similar = similarity(s, e, r);
        String page = s.toString();
        if (r.nextInt(10) == 0)
            page = page.substring(0, page.length() - 1);            // no final line end
        if (r.nextInt(20) == 0)
            page = page.replace("\n", "\r\n");
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(50) == 0) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        return new Page(body, similar);
    }

    private void members(StringBuilder s, int e, SplittableRandom r) {
        int from = g.listStart[e], to = g.listStart[e + 1];
        Integer[] order = new Integer[to - from];
        for (int k = 0; k < order.length; k++)
            order[k] = from + k;
        // by class in view order, then most connected first, as the page's heading says
        Arrays.sort(order, Comparator.<Integer>comparingInt(k -> g.type[g.listNeighbour[k]])
                .thenComparing(k -> -g.degree[g.listNeighbour[k]])
                .thenComparing(k -> g.label[g.listNeighbour[k]]));
        int k = 0;
        while (k < order.length) {
            int cls = g.type[g.listNeighbour[order[k]]];
            int end = k;
            while (end < order.length && g.type[g.listNeighbour[order[end]]] == cls)
                end++;
            EntityClass c = g.classes.get(cls);
            line(s, c.heading() + " (" + (end - k) + ")");
            line(s, c.typeKey());
            for (int m = k; m < end; m++) {
                int at = order[m];
                s.append("- ").append(g.label[g.listNeighbour[at]]);
                if (g.listKey[at] >= 0) {
                    s.append(g.keys.get(g.listKey[at]).key());
                    String why = text.justification(r);
                    if (why != null)
                        s.append(why);
                }
                s.append('\n');
            }
            k = end;
        }
    }

    /**
     * Imported similarity lines: mostly typed with a score and often a note; some degraded to a
     * label that names a known entity (resolved by its label) or an entity no page types.
     */
    private int similarity(StringBuilder s, int e, SplittableRandom r) {
        int count = r.nextInt(5) == 0 ? 0 : 1 + Math.min(7, (int) (-Math.log(1 - r.nextDouble()) * 2.5));
        if (count == 0 || g.n < 3)
            return 0;
        Set<Integer> avoid = new HashSet<>();
        avoid.add(e);
        for (int k = g.listStart[e]; k < g.listStart[e + 1]; k++)
            avoid.add(g.listNeighbour[k]);
        List<String> scored = new ArrayList<>(), bare = new ArrayList<>();
        double score = 0.95 - r.nextDouble() * 0.1;
        for (int i = 0; i < count; i++) {
            int kind = r.nextInt(10);
            if (kind == 9) {
                bare.add(g.orphans[r.nextInt(g.orphans.length)]);
                continue;
            }
            int other = -1;
            for (int tries = 0; tries < 10 && (other < 0 || avoid.contains(other)); tries++)
                other = g.draw(r);
            if (avoid.contains(other))
                continue;
            avoid.add(other);
            if (kind >= 7) {
                bare.add(g.label[other]);
                continue;
            }
            score = Math.max(0.65, score - r.nextDouble() * 0.05);
            String note = text.note(r);
            scored.add(g.label[other] + g.typeKey(other) + String.format(Locale.ROOT, "%.3f", score) + (note == null ? "" : note));
        }
        // label-only lines sit among the scored ones, as they do in exported pages
        List<String> lines = new ArrayList<>(scored);
        for (String b : bare)
            lines.add(r.nextInt(lines.size() + 1), b);
        if (lines.isEmpty())
            return 0;
        line(s, "Related by similarity (" + lines.size() + ")");
        line(s, THRESHOLD + EXPLANATION);
        for (String l : lines)
            line(s, "- " + l);
        return lines.size();
    }

    private static void line(StringBuilder s, String text) {
        s.append(text).append('\n');
    }
}
