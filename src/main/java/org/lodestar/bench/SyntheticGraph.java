package org.lodestar.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.lodestar.ontology.EdgeProperty;
import org.lodestar.ontology.EntityClass;
import org.lodestar.ontology.Ontology;
import org.lodestar.seed.Slugs;

/**
 * The shape of a synthetic knowledge graph before it is written as pages: each entity's class and
 * label, which entities have a page of their own, and the typed edges with the page(s) that list
 * them.
 *
 * <p>Degrees follow a power law (Chung–Lu: both ends of an edge are drawn with weight
 * {@code (rank+1)^-0.8}), so a few hubs have thousands of neighbours and most entities a handful.
 * An edge is listed on one end's page or on both, so a hub's view merges what many pages say.
 * Edge keys are drawn among those whose domain and range fit the two classes; an edge listed on
 * both pages only gets a key whose direction both pages read the same way.
 */
final class SyntheticGraph {
    static final double EXPONENT = 0.8, MEAN_DEGREE = 8;
    static final int MAX_EXPECTED_DEGREE = 20_000;

    final Ontology ontology;
    final List<EntityClass> classes;      // classes with a group, in view order
    final List<EdgeProperty> keys;        // typed edge properties, by key
    final int n;
    final byte[] type;                    // index into classes
    final String[] label;
    final String[] slug;
    final boolean[] hasPage;
    final int[] degree;                   // distinct neighbours
    final double[] cumulative;            // of the weights, for drawing entities
    final String[] orphans;               // labels of entities only named on untyped similarity lines
    final TextMaker text;
    final int edges;
    // listings, grouped by page (CSR): the neighbour, and the key index or -1 for a label-only line
    final int[] listStart;
    final int[] listNeighbour;
    final byte[] listKey;

    private final KeyChoice keyChoice;

    SyntheticGraph(Ontology ontology, int entities, long seed) {
        if (entities < 1)
            throw new IllegalArgumentException("need at least one entity");
        this.ontology = ontology;
        this.classes = ontology.groupClasses();
        this.keyChoice = new KeyChoice(ontology, classes);
        this.keys = keyChoice.keys;
        this.n = entities;
        SplittableRandom r = new SplittableRandom(seed);
        type = new byte[n];
        label = new String[n];
        slug = new String[n];
        hasPage = new boolean[n];
        degree = new int[n];
        UniqueLabels unique = new UniqueLabels(n + n / 10 + 16);
        text = new TextMaker(new Words(forbidden(ontology)));
        assignClasses(r);
        for (int i = 0; i < n; i++) {
            label[i] = unique.draw(text, classes.get(type[i]).typeKey(), r);
            slug[i] = Slugs.slugify(label[i]);
            String key = classes.get(type[i]).typeKey();
            hasPage[i] = r.nextInt(100) < (key.equals("artifact") || key.equals("quote") ? 55 : 92);
        }
        orphans = new String[Math.max(1, n / 20)];
        for (int i = 0; i < orphans.length; i++)
            orphans[i] = unique.draw(text, "entity", r);
        cumulative = weights();
        Edges drawn = drawEdges(r);
        edges = drawn.count();
        int[][] csr = listings(drawn, r);
        listStart = csr[0];
        listNeighbour = csr[1];
        listKey = new byte[listNeighbour.length];
        for (int k = 0; k < listKey.length; k++)
            listKey[k] = (byte) csr[2][k];
    }

    String typeKey(int entity) { return classes.get(type[entity]).typeKey(); }

    int pages() {
        int p = 0;
        for (boolean b : hasPage)
            if (b)
                p++;
        return p;
    }

    int listings() { return listNeighbour.length; }

    /** An entity drawn with the power-law weights: hubs come up often. */
    int draw(SplittableRandom r) {
        double x = r.nextDouble() * cumulative[n - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(n - 1, i >= 0 ? i : -i - 1);
    }

    /** Every class at least once (when there are enough entities), then by the shares real graphs show. */
    private void assignClasses(SplittableRandom r) {
        int[] share = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++)
            share[c] = switch (classes.get(c).typeKey()) {
                case "concept" -> 24; case "paper" -> 20; case "thinker" -> 16; case "claim" -> 10;
                case "question" -> 7; case "method" -> 8; case "framework" -> 5; case "artifact" -> 6;
                case "quote" -> 4; default -> 4;
            };
        int total = Arrays.stream(share).sum();
        for (int i = 0; i < n; i++) {
            if (i < classes.size()) {
                type[i] = (byte) i;
                continue;
            }
            int x = r.nextInt(total), c = 0;
            while (x >= share[c])
                x -= share[c++];
            type[i] = (byte) c;
        }
        // the first entities, one of each class, are the biggest hubs: the seed decides which class ranks first
        for (int i = Math.min(n, classes.size()) - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            byte t = type[i];
            type[i] = type[j];
            type[j] = t;
        }
    }

    private double[] weights() {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += w[i] = Math.pow(i + 1, -EXPONENT);
        // a hub cannot expect more neighbours than there are entities, nor more than the cap
        double cap = Math.min(n - 1, MAX_EXPECTED_DEGREE) / (MEAN_DEGREE * n) * sum;
        double[] c = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++)
            c[i] = acc += Math.min(w[i], cap);
        return c;
    }

    private record Edges(int[] u, int[] v, int count) {}

    private Edges drawEdges(SplittableRandom r) {
        long target = n < 2 ? 0 : Math.min((long) (MEAN_DEGREE * n / 2), (long) n * (n - 1) / 2);
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, target + n);
        int[] u = new int[cap], v = new int[cap];
        LongSet seen = new LongSet(cap);
        int count = 0;
        long attempts = 0;
        while (count < target && attempts++ < target * 20) {
            int a = draw(r), b = draw(r);
            if (a == b || !seen.add(pair(a, b)))
                continue;
            u[count] = a;
            v[count++] = b;
        }
        for (int k = 0; k < count; k++) {
            degree[u[k]]++;
            degree[v[k]]++;
        }
        // nobody is left alone: an entity without an edge gets one to a drawn partner
        for (int i = 0; i < n && n > 1; i++) {
            if (degree[i] > 0)
                continue;
            int b;
            do b = draw(r); while (b == i);
            if (count < cap && seen.add(pair(i, b))) {
                u[count] = i;
                v[count++] = b;
                degree[i]++;
                degree[b]++;
            }
        }
        return new Edges(u, v, count);
    }

    private static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /** Which page lists each edge, with which key: returns {start, neighbour, key} arrays. */
    private int[][] listings(Edges e, SplittableRandom r) {
        int[] count = new int[n + 1];
        byte[] where = new byte[e.count()];           // 1: u's page, 2: v's page, 3: both
        int[] key = new int[e.count()];
        for (int k = 0; k < e.count(); k++) {
            int a = e.u()[k], b = e.v()[k];
            int w;
            if (hasPage[a] && hasPage[b]) {
                int x = r.nextInt(100);
                w = x < 25 ? 3 : x < 62 ? 1 : 2;
            } else if (!hasPage[a] && !hasPage[b]) {
                hasPage[a] = true;                    // someone has to say it
                w = 1;
            } else {
                w = hasPage[a] ? 1 : 2;
            }
            where[k] = (byte) w;
            key[k] = keyChoice.draw(type[a], type[b], w == 3, r);
            if ((w & 1) != 0)
                count[a + 1]++;
            if ((w & 2) != 0)
                count[b + 1]++;
        }
        for (int i = 0; i < n; i++)
            count[i + 1] += count[i];
        int[] start = count.clone();
        int[] fill = count.clone();
        int[] neighbour = new int[count[n]];
        int[] lineKey = new int[count[n]];
        for (int k = 0; k < e.count(); k++) {
            int a = e.u()[k], b = e.v()[k];
            if ((where[k] & 1) != 0)
                put(a, b, key[k], fill, neighbour, lineKey, r);
            if ((where[k] & 2) != 0)
                put(b, a, key[k], fill, neighbour, lineKey, r);
        }
        return new int[][] {start, neighbour, lineKey};
    }

    /** One member line; artifacts and quotes are often listed without a relation, as real pages do. */
    private void put(int page, int other, int key, int[] fill, int[] neighbour, int[] lineKey, SplittableRandom r) {
        String k = typeKey(other);
        boolean labelOnly = r.nextInt(100) < (k.equals("artifact") || k.equals("quote") ? 45 : 4);
        int at = fill[page]++;
        neighbour[at] = other;
        lineKey[at] = labelOnly ? -1 : key;
    }

    /** Edge and type keys: words that contain one could be misread where fields are glued. */
    private static List<String> forbidden(Ontology ontology) {
        List<String> f = new ArrayList<>(ontology.vocabulary().edgeKeys());
        f.addAll(ontology.vocabulary().typeKeys());
        return f;
    }
}
