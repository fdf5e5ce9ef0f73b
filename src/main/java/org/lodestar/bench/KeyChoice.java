package org.lodestar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lodestar.ontology.EdgeProperty;
import org.lodestar.ontology.EntityClass;
import org.lodestar.ontology.Ontology;

/**
 * Which edge key an edge between two classes gets. Only keys whose domain and range fit the two
 * classes one way or the other are drawn, so every generated edge passes the shapes. For an edge
 * listed on both pages, a directed key must fit exactly one way: where it fits both ways each page
 * would make its own entity the subject, and the two pages would state two different edges.
 */
final class KeyChoice {
    final List<EdgeProperty> keys;
    private final int[][][] any, oneWay;  // [class of one end][class of the other] → key indexes
    private final int[] weight;

    KeyChoice(Ontology ontology, List<EntityClass> classes) {
        keys = List.copyOf(ontology.vocabulary().edgeKeys().stream().sorted()
                .map(k -> ontology.edgeForKey(k).orElseThrow()).toList());
        weight = keys.stream().mapToInt(k -> switch (k.key()) {
            case "associated_with" -> 30; case "studies", "authored_by" -> 8; case "cites" -> 6;
            case "introduces", "supports", "uses" -> 5; case "instance_of", "addresses", "extends" -> 4;
            case "contradicts" -> 2; default -> 3;
        }).toArray();
        int c = classes.size();
        any = new int[c][c][];
        oneWay = new int[c][c][];
        for (int a = 0; a < c; a++)
            for (int b = 0; b < c; b++) {
                List<Integer> fits = new ArrayList<>(), fitsOneWay = new ArrayList<>();
                for (int k = 0; k < keys.size(); k++) {
                    EdgeProperty p = keys.get(k);
                    boolean forward = ontology.fits(classes.get(a).iri(), p.domain()) && ontology.fits(classes.get(b).iri(), p.range());
                    boolean backward = ontology.fits(classes.get(b).iri(), p.domain()) && ontology.fits(classes.get(a).iri(), p.range());
                    if (p.symmetric() || forward || backward)
                        fits.add(k);
                    if (p.symmetric() || forward != backward)
                        fitsOneWay.add(k);
                }
                if (fitsOneWay.isEmpty())
                    throw new IllegalStateException("no symmetric edge key fits " + classes.get(a).typeKey()
                            + " and " + classes.get(b).typeKey());
                any[a][b] = fits.stream().mapToInt(Integer::intValue).toArray();
                oneWay[a][b] = fitsOneWay.stream().mapToInt(Integer::intValue).toArray();
            }
    }

    /** A key index for an edge between classes {@code a} and {@code b}, weighted towards common keys. */
    int draw(int a, int b, boolean bothPages, SplittableRandom r) {
        int[] candidates = bothPages ? oneWay[a][b] : any[a][b];
        int total = 0;
        for (int k : candidates)
            total += weight[k];
        int x = r.nextInt(total);
        for (int k : candidates) {
            x -= weight[k];
            if (x < 0)
                return k;
        }
        return candidates[candidates.length - 1];
    }
}
