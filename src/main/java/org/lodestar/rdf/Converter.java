package org.lodestar.rdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lodestar.ontology.Ontology;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;

/**
 * Records to triples. All pages are converted together because identity crosses pages: a mention
 * on one page resolves to the id another page declares.
 */
public final class Converter {
    private final Ontology ontology;
    private final Uris uris;

    public Converter(Ontology ontology, Uris uris) {
        this.ontology = ontology;
        this.uris = uris;
    }

    public Uris uris() { return uris; }

    /**
     * @param pages the parsed pages by seed name (the file's path inside the seeds folder, which
     *              names its graph), in reading order
     */
    public Conversion convert(Map<String, EntityPage> pages) {
        EntityRegistry registry = EntityRegistry.of(List.copyOf(pages.values()));
        Conversion c = convert(pages, registry);
        // the registry reports identity clashes as mentions are resolved, so read it last
        List<Diagnostic> diagnostics = new ArrayList<>(registry.diagnostics());
        diagnostics.addAll(c.diagnostics());
        return new Conversion(c.graphs(), c.described(), c.locations(), diagnostics);
    }

    /**
     * Some of a build's pages, converted against the identities of all of them (gathered first):
     * what a build that converts in chunks calls for each chunk, in reading order. The identity
     * clashes that conversion finds stay in {@code identities}, to be read once every chunk is done.
     */
    public Conversion convert(Map<String, EntityPage> pages, Identities identities) {
        return convert(pages, identities.registry);
    }

    private Conversion convert(Map<String, EntityPage> pages, EntityRegistry registry) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<Node, String> locations = new HashMap<>();
        Map<String, Graph> graphs = new LinkedHashMap<>();
        Map<String, Node> described = new HashMap<>();
        Map<Node, Node> nodes = new HashMap<>();
        pages.forEach((name, page) -> {
            Graph graph = GraphFactory.createDefaultGraph();
            new PageConverter(ontology, uris, registry, name, page, graph, nodes, locations, diagnostics).run()
                    .ifPresent(entity -> described.put(name, entity));
            graphs.put(name, graph);
        });
        return new Conversion(graphs, described, locations, diagnostics);
    }
}
