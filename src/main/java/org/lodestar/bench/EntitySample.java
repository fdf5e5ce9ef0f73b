package org.lodestar.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.KG;

/** Which entities the measurements ask for, read from the built store. */
final class EntitySample {
    static final int HUBS = 10;

    private EntitySample() {}

    /** Every entity with an identifier, most connected first (degree from the derived graph). */
    static List<Target> all(DatasetGraph dataset, Node derivedGraph) {
        return Txn.calculateRead(dataset, () -> {
            Map<Node, Integer> degree = new HashMap<>();
            dataset.find(derivedGraph, Node.ANY, KG.degree, Node.ANY).forEachRemaining(q ->
                    degree.put(q.getSubject(), Integer.parseInt(q.getObject().getLiteralLexicalForm())));
            Map<Node, String> ids = new HashMap<>();
            dataset.find(Node.ANY, Node.ANY, KG.identifier, Node.ANY).forEachRemaining(q ->
                    ids.putIfAbsent(q.getSubject(), q.getObject().getLiteralLexicalForm()));
            List<Target> all = new ArrayList<>(ids.size());
            ids.forEach((iri, id) -> {
                int colon = id.indexOf(':');
                all.add(new Target(iri, id.substring(0, colon), id.substring(colon + 1), degree.getOrDefault(iri, 0)));
            });
            all.sort(Comparator.comparingInt(Target::degree).reversed().thenComparing(t -> t.iri().getURI()));
            return all;
        });
    }

    /**
     * {@code k} distinct entities drawn with Zipf weights 1/rank over the degree ranking (weighted
     * sampling without replacement, Efraimidis–Spirakis), the top hubs always among them; in a
     * random order, so that hubs are not all measured first.
     */
    static List<Target> zipf(List<Target> byDegree, int k, long seed) {
        Random r = new Random(seed);
        k = Math.min(k, byDegree.size());
        PriorityQueue<double[]> best = new PriorityQueue<>(Comparator.comparingDouble(a -> a[0]));
        for (int i = 0; i < byDegree.size(); i++) {
            double weight = 1.0 / (i + 1);
            double key = i < HUBS ? Double.POSITIVE_INFINITY : Math.log(1 - r.nextDouble()) / weight;
            if (best.size() < k)
                best.add(new double[] {key, i});
            else if (key > best.peek()[0]) {
                best.poll();
                best.add(new double[] {key, i});
            }
        }
        List<Target> chosen = new ArrayList<>();
        for (double[] e : best)
            chosen.add(byDegree.get((int) e[1]));
        chosen.sort(Comparator.comparing(t -> t.iri().getURI()));
        java.util.Collections.shuffle(chosen, r);
        return chosen;
    }

    /**
     * {@code count} entities drawn uniformly, each once as long as there are enough: the server
     * keeps what it rendered, and an entity asked for twice would be timed as a lookup the
     * baseline does not get.
     */
    static List<Target> uniform(List<Target> all, int count, long seed) {
        Random r = new Random(seed);
        List<Target> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, r);
        List<Target> chosen = new ArrayList<>(count);
        for (int i = 0; i < count && !shuffled.isEmpty(); i++)
            chosen.add(shuffled.get(i % shuffled.size()));
        return chosen;
    }

    /**
     * Up to {@code count} distinct entities drawn uniformly from those not in {@code measured}: a
     * warm-up that leaves nothing of the measured entities in any cache.
     */
    static List<Target> others(List<Target> all, List<Target> measured, int count, long seed) {
        Set<Target> skip = new java.util.HashSet<>(measured);
        List<Target> rest = new ArrayList<>(all.stream().filter(t -> !skip.contains(t)).toList());
        java.util.Collections.shuffle(rest, new Random(seed));
        return rest.subList(0, Math.min(count, rest.size()));
    }

    static Set<String> types(List<Target> targets) {
        Set<String> types = new LinkedHashSet<>();
        targets.forEach(t -> types.add(t.type()));
        return types;
    }
}
