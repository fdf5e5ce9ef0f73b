package org.lodestar.ontology;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.lodestar.seed.Vocabulary;
import org.lodestar.util.ClasspathFolder;

/**
 * The ontology, read once from the {@code ontology/} folder: the classes with their type keys,
 * headings and view order, and the edge properties with their keys, domains and ranges. The
 * parser and the converter take their vocabulary from here, so a new edge type is an edit of
 * {@code ontology/} alone.
 */
public final class Ontology {
    public static final String FOLDER = "ontology";

    private final Graph graph;
    private final Map<String, EntityClass> classesByKey = new LinkedHashMap<>();
    private final Map<Node, EntityClass> classesByIri = new LinkedHashMap<>();
    private final Map<String, EdgeProperty> edgesByKey = new TreeMap<>();
    private final Map<Node, EdgeProperty> edgesByIri = new LinkedHashMap<>();

    private Ontology(Graph graph) {
        this.graph = graph;
        readClasses();
        readEdges();
    }

    /** The ontology that ships with Lodestar (the {@code ontology/} folder on the class path). */
    public static Ontology load() {
        Graph graph = GraphFactory.createDefaultGraph();
        for (String file : ClasspathFolder.list(FOLDER, ".ttl"))
            RDFParser.fromString(ClasspathFolder.read(file), Lang.TURTLE).base(KG.ONTOLOGY_IRI).parse(graph);
        return new Ontology(graph);
    }

    public static Ontology of(Graph graph) {
        return new Ontology(graph);
    }

    public Graph graph() { return graph; }

    /** Classes that get a group in views, in the ontology's view order. */
    public List<EntityClass> groupClasses() {
        return classesByKey.values().stream().filter(EntityClass::hasGroup)
                .sorted(Comparator.comparingInt(EntityClass::viewOrder)).toList();
    }

    public Optional<EntityClass> classForKey(String typeKey) { return Optional.ofNullable(classesByKey.get(typeKey)); }

    public Optional<EntityClass> classForIri(Node iri) { return Optional.ofNullable(classesByIri.get(iri)); }

    public Optional<EdgeProperty> edgeForKey(String key) { return Optional.ofNullable(edgesByKey.get(key)); }

    public Optional<EdgeProperty> edgeForIri(Node iri) { return Optional.ofNullable(edgesByIri.get(iri)); }

    public EntityClass entityClass() {
        return classForIri(KG.Entity).orElseThrow(() -> new IllegalStateException("ontology has no kg:Entity with a kg:typeKey"));
    }

    /** What the seed parser needs to know, and nothing of RDF. */
    public Vocabulary vocabulary() {
        Map<String, String> headings = new LinkedHashMap<>();
        for (EntityClass c : groupClasses())
            headings.put(c.heading(), c.typeKey());
        return new Vocabulary(headings, Set.copyOf(classesByKey.keySet()), Set.copyOf(edgesByKey.keySet()));
    }

    /** True when {@code cls} is one of {@code allowed} or a subclass of one of them. */
    public boolean fits(Node cls, Set<Node> allowed) {
        Set<Node> seen = new HashSet<>();
        ArrayDeque<Node> todo = new ArrayDeque<>(List.of(cls));
        while (!todo.isEmpty()) {
            Node c = todo.pop();
            if (allowed.contains(c))
                return true;
            if (seen.add(c))
                graph.find(c, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                    if (t.getObject().isURI())
                        todo.push(t.getObject());
                });
        }
        return false;
    }

    private void readClasses() {
        graph.find(Node.ANY, KG.typeKey, Node.ANY).forEachRemaining(t -> {
            Node cls = t.getSubject();
            String key = t.getObject().getLiteralLexicalForm();
            String heading = literal(cls, KG.heading).orElse(key);
            int order = literal(cls, KG.viewOrder).map(Integer::parseInt).orElse(Integer.MAX_VALUE);
            EntityClass c = new EntityClass(cls, key, heading, order);
            if (classesByKey.put(key, c) != null)
                throw new IllegalStateException("ontology: type key '" + key + "' is declared twice");
            classesByIri.put(cls, c);
        });
    }

    private void readEdges() {
        graph.find(Node.ANY, KG.key, Node.ANY).forEachRemaining(t -> {
            Node p = t.getSubject();
            String key = t.getObject().getLiteralLexicalForm();
            boolean symmetric = graph.contains(p, RDF.type.asNode(), OWL2.SymmetricProperty.asNode());
            EdgeProperty e = new EdgeProperty(p, key, classesOf(p, RDFS.domain.asNode()),
                    classesOf(p, RDFS.range.asNode()), symmetric);
            if (edgesByKey.put(key, e) != null)
                throw new IllegalStateException("ontology: edge key '" + key + "' is declared twice");
            edgesByIri.put(p, e);
        });
    }

    /** The named classes of a domain or range, looking inside owl:unionOf; kg:Entity when absent. */
    private Set<Node> classesOf(Node property, Node domainOrRange) {
        Set<Node> result = new TreeSet<>(Comparator.comparing(Node::toString));
        for (Triple t : graph.find(property, domainOrRange, Node.ANY).toList()) {
            Node c = t.getObject();
            if (c.isURI()) {
                result.add(c);
                continue;
            }
            graph.find(c, OWL2.unionOf.asNode(), Node.ANY).forEachRemaining(u ->
                    GraphList.members(new GNode(graph, u.getObject()))
                            .stream().filter(Node::isURI).forEach(result::add));
        }
        if (result.isEmpty())
            result.add(KG.Entity);
        return Set.copyOf(result);
    }

    private Optional<String> literal(Node s, Node p) {
        return graph.find(s, p, Node.ANY).nextOptional().map(t -> t.getObject().getLiteralLexicalForm());
    }
}
