package org.lodestar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Conversion;
import org.lodestar.rdf.Uris;

/**
 * The equivalence proof: on a few hundred generated pages with a defect of every kind that the
 * SPARQL constraints of {@code shapes/} catch, the whole-graph validator finds exactly what plain
 * jena-shacl with all the shapes finds, one query per focus node.
 */
class WholeGraphEquivalenceTest {
    private static final Node SKOS_DEFINITION = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#definition");

    @TempDir
    static Path dir;

    static Ontology ontology;
    static Conversion conversion;

    @BeforeAll
    static void generate() throws Exception {
        ontology = Ontology.load();
        new Generator(ontology).generate(300, 20, dir);
        conversion = new Pipeline(ontology, ShapesValidator.load(), new Uris("http://localhost:8080/"))
                .run(SeedFiles.folder(dir), false).conversion();
    }

    @Test
    void everySparqlConstraintOfTheShapesRunsOncePerGraph() {
        List<WholeGraphSparql> wholeGraph = ShapesValidator.load().split().wholeGraphConstraints();
        assertEquals(sparqlConstraintsInShapesFolder(), wholeGraph.size(),
                "every sh:sparql of shapes/ should be answered by one query per graph: " + wholeGraph);
    }

    @Test
    void findsWhatJenaShaclFindsOnPagesWithEveryKindOfDefect() {
        List<Graph> pages = copies(conversion.graphs().values());
        Graph onto = copy(ontology.graph());
        List<String> injected = new ArrayList<>();
        injected.add(dropDirectTriple(pages));
        injected.add(edgeOutsideDomain(pages));
        injected.add(symmetricEdgeBackwards(pages));
        injected.add(duplicateEdge(pages));
        injected.add(identifierOfAnotherType(pages));
        injected.add(identifierNotMatchingIri(pages));
        injected.addAll(ontologyDefects(onto));

        List<List<Graph>> units = pages.stream().map(List::of).toList();
        Map<Node, String> locations = conversion.locations();
        ShapesValidator jena = ShapesValidator.load(ShapesValidator.Engine.JENA_SHACL);
        ShapesValidator wholeGraph = ShapesValidator.load();
        List<Finding> expected = jena.validateTogether(units, onto, locations);
        List<Finding> actual = wholeGraph.validateTogether(units, onto, locations);

        assertSameSet(expected, actual);
        assertEquals(sorted(expected), sorted(actual));
        assertEquals(expected, actual, "in the validator's own order");
        // and what one check of everything at once finds, as a plain jena-shacl run would
        assertSameSet(jena.validateTogether(units, onto, locations, Integer.MAX_VALUE), actual);

        for (String shape : List.of("EdgeDirectTriple", "EdgeDomainRange", "EdgeSymmetricOrder", "EdgeUnique",
                "EntityIdentifierType", "EntityIri", "EntityClass"))
            assertFound(actual, f -> f.shape().equals("shape:" + shape), shape, injected);
        assertFound(actual, f -> f.shape().equals("shape:EdgeProperty") && f.message().startsWith("Key "), "EdgeProperty key", injected);
        assertFound(actual, f -> f.shape().equals("shape:EdgeProperty") && f.message().startsWith("Domain or range "),
                "EdgeProperty domain", injected);
        // the places come from the pages: a defect on a page is reported at its file and line
        assertTrue(actual.stream().filter(f -> f.shape().equals("shape:EntityIri")).allMatch(f -> f.place().contains(".txt:")), actual.toString());
    }

    @Test
    void findsWhatJenaShaclFindsOnCleanPages() {
        List<List<Graph>> units = conversion.graphs().values().stream().map(List::of).toList();
        List<Finding> expected = ShapesValidator.load(ShapesValidator.Engine.JENA_SHACL)
                .validateTogether(units, ontology.graph(), conversion.locations());
        assertEquals(expected, ShapesValidator.load().validateTogether(units, ontology.graph(), conversion.locations()));
    }

    /** Every hand-written shape case (src/test/resources/shape-cases), as ShapesAsDataTest checks it: the same report, message for message. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeCases")
    void givesJenaShaclsReportOnEveryShapeCase(Path file) {
        Graph data = copy(ontology.graph());
        RDFParser.source(file).lang(Lang.TURTLE).parse(data);
        Shapes shapes = Shapes.parse(shapesFolder());
        List<String> expected = entries(ShaclValidator.get().validate(shapes, data).getEntries());
        assertEquals(expected, entries(SplitShapes.of(shapes).check(data)), file.toString());
    }

    static Stream<Path> shapeCases() throws IOException {
        Path cases = Path.of("src", "test", "resources", "shape-cases");
        try (Stream<Path> files = Stream.concat(Files.list(cases.resolve("valid")), Files.list(cases.resolve("invalid")))) {
            return files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList().stream();
        }
    }

    private static List<String> entries(java.util.Collection<ReportEntry> entries) {
        return entries.stream().map(e -> e.focusNode() + " " + e.source() + " " + e.resultPath() + " " + e.value() + " "
                + e.severity().level() + " " + e.sourceConstraintComponent() + " " + e.message()).sorted().toList();
    }

    // ---- defects, each on pages only: every graph that states the changed triples is changed alike

    /** An edge whose direct triple is gone from every page (EdgeDirectTriple). */
    private static String dropDirectTriple(List<Graph> pages) {
        Triple edge = edge(pages, 0, e -> !symmetric(e.getObject()));
        Triple direct = Triple.create(object(pages, edge.getSubject(), KG.source), edge.getObject(), object(pages, edge.getSubject(), KG.target));
        pages.forEach(g -> g.delete(direct));
        return "no direct triple for " + edge.getSubject();
    }

    /** An edge from a concept by a property whose domain has no concepts (EdgeDomainRange). */
    private static String edgeOutsideDomain(List<Graph> pages) {
        Node authoredBy = KG.kg("authoredBy");
        Triple edge = edge(pages, 1, e -> !symmetric(e.getObject()) && isA(pages, object(pages, e.getSubject(), KG.source), "Concept"));
        Node s = object(pages, edge.getSubject(), KG.source), t = object(pages, edge.getSubject(), KG.target);
        for (Graph g : pages) {
            if (g.contains(edge)) {
                g.delete(edge);
                g.add(edge.getSubject(), KG.predicate, authoredBy);
            }
            if (g.contains(s, edge.getObject(), t)) {
                g.delete(s, edge.getObject(), t);
                g.add(s, authoredBy, t);
            }
        }
        return s + " authoredBy " + t;
    }

    /** A symmetric edge with its ends swapped (EdgeSymmetricOrder). */
    private static String symmetricEdgeBackwards(List<Graph> pages) {
        Triple edge = edge(pages, 0, e -> symmetric(e.getObject()));
        Node e = edge.getSubject(), s = object(pages, e, KG.source), t = object(pages, e, KG.target);
        for (Graph g : pages)
            if (g.contains(e, KG.source, s)) {
                g.delete(e, KG.source, s);
                g.delete(e, KG.target, t);
                g.add(e, KG.source, t);
                g.add(e, KG.target, s);
            }
        return "symmetric " + e + " backwards";
    }

    /** A second edge resource for the triple of an edge (EdgeUnique). */
    private static String duplicateEdge(List<Graph> pages) {
        Triple edge = edge(pages, 3, e -> true);
        Node copy = NodeFactory.createURI(edge.getSubject().getURI() + "-again");
        for (Graph g : pages)
            if (g.contains(edge))
                g.find(edge.getSubject(), Node.ANY, Node.ANY).toList().forEach(t -> g.add(copy, t.getPredicate(), t.getObject()));
        return "duplicate " + copy;
    }

    /** A concept whose identifier names another type, everywhere it is mentioned (EntityIdentifierType, EntityIri). */
    private static String identifierOfAnotherType(List<Graph> pages) {
        Node entity = entity(pages, "Concept", 2);
        String slug = literal(pages, entity, KG.identifier).substring("concept:".length());
        replaceObject(pages, entity, KG.identifier, NodeFactory.createLiteralString("paper:" + slug));
        return entity + " as paper:" + slug;
    }

    /** A thinker whose identifier is of its type but another slug (EntityIri only). */
    private static String identifierNotMatchingIri(List<Graph> pages) {
        Node entity = entity(pages, "Thinker", 1);
        replaceObject(pages, entity, KG.identifier, NodeFactory.createLiteralString("thinker:someone-else"));
        return entity + " as thinker:someone-else";
    }

    /** A class sharing a type key, heading and view order (EntityClass); properties sharing a key or with a range outside the entities (EdgeProperty). */
    private static List<String> ontologyDefects(Graph onto) {
        Node fake = KG.kg("Fake");
        document(onto, fake, OWL.Class.asNode());
        onto.add(fake, RDFS.subClassOf.asNode(), KG.Entity);
        onto.add(fake, KG.typeKey, NodeFactory.createLiteralString("concept"));
        onto.add(fake, KG.heading, NodeFactory.createLiteralString("Papers"));
        onto.add(fake, KG.viewOrder, NodeFactory.createLiteralByValue(99));
        Node again = KG.kg("studiesAgain");
        document(onto, again, OWL.ObjectProperty.asNode());
        onto.add(again, RDFS.subPropertyOf.asNode(), KG.linkedTo);
        onto.add(again, KG.key, NodeFactory.createLiteralString("studies"));
        onto.add(again, RDFS.domain.asNode(), KG.Entity);
        onto.add(again, RDFS.range.asNode(), XSD.xstring.asNode());
        return List.of("class kg:Fake", "property kg:studiesAgain");
    }

    private static void document(Graph onto, Node term, Node type) {
        onto.add(term, RDF.type.asNode(), type);
        onto.add(term, RDFS.label.asNode(), NodeFactory.createLiteralString(term.getLocalName()));
        onto.add(term, SKOS_DEFINITION, NodeFactory.createLiteralString("A defect for the test."));
        onto.add(term, RDFS.isDefinedBy.asNode(), NodeFactory.createURI(KG.ONTOLOGY_IRI));
    }

    // ---- helpers

    /** The {@code skip}-th edge (its kg:predicate triple, in page order) that {@code which} accepts. */
    private static Triple edge(List<Graph> pages, int skip, Predicate<Triple> which) {
        return pages.stream().flatMap(g -> g.find(Node.ANY, KG.predicate, Node.ANY).toList().stream()
                        .sorted(Comparator.comparing(Triple::toString)))
                .filter(which).skip(skip).findFirst().orElseThrow(() -> new AssertionError("no such edge in the generated pages"));
    }

    private static Node entity(List<Graph> pages, String type, int skip) {
        return pages.stream().flatMap(g -> g.find(Node.ANY, KG.seedPage, Node.ANY).toList().stream())
                .map(Triple::getSubject).filter(s -> isA(pages, s, type)).distinct().skip(skip).findFirst().orElseThrow();
    }

    private static boolean symmetric(Node property) {
        return ontology.graph().contains(property, RDF.type.asNode(), OWL.SymmetricProperty.asNode());
    }

    private static boolean isA(List<Graph> pages, Node entity, String type) {
        return pages.stream().anyMatch(g -> g.contains(entity, RDF.type.asNode(), KG.kg(type)));
    }

    private static Node object(List<Graph> pages, Node subject, Node predicate) {
        return pages.stream().flatMap(g -> g.find(subject, predicate, Node.ANY).toList().stream())
                .map(Triple::getObject).findFirst().orElseThrow();
    }

    private static String literal(List<Graph> pages, Node subject, Node predicate) {
        return object(pages, subject, predicate).getLiteralLexicalForm();
    }

    private static void replaceObject(List<Graph> pages, Node subject, Node predicate, Node object) {
        for (Graph g : pages)
            for (Triple t : g.find(subject, predicate, Node.ANY).toList()) {
                g.delete(t);
                g.add(subject, predicate, object);
            }
    }

    private static List<Graph> copies(Iterable<Graph> graphs) {
        List<Graph> copies = new ArrayList<>();
        graphs.forEach(g -> copies.add(copy(g)));
        return copies;
    }

    private static Graph copy(Graph g) {
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(copy::add);
        copy.getPrefixMapping().setNsPrefixes(g.getPrefixMapping());
        return copy;
    }

    private static Graph shapesFolder() {
        Graph shapes = GraphFactory.createDefaultGraph();
        try (Stream<Path> files = Files.list(Path.of(ShapesValidator.FOLDER))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList())
                RDFParser.source(f).lang(Lang.TURTLE).parse(shapes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return shapes;
    }

    private static long sparqlConstraintsInShapesFolder() {
        long count = shapesFolder().stream(Node.ANY, SHACL.sparql, Node.ANY).count();
        assertTrue(count >= 9, "the shapes have at least the nine SPARQL constraints this test injects defects for");
        return count;
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::toString)).toList();
    }

    private static void assertSameSet(List<Finding> expected, List<Finding> actual) {
        Set<Finding> missing = new HashSet<>(expected), unexpected = new HashSet<>(actual);
        missing.removeAll(new HashSet<>(actual));
        unexpected.removeAll(new HashSet<>(expected));
        if (!missing.isEmpty() || !unexpected.isEmpty())
            fail("whole-graph findings differ from jena-shacl's\nmissing:\n" + lines(missing) + "unexpected:\n" + lines(unexpected));
    }

    private static String lines(Set<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        new TreeSet<>(findings.stream().map(Finding::toString).toList()).forEach(f -> sb.append("  ").append(f).append('\n'));
        return sb.toString();
    }

    private static void assertFound(List<Finding> findings, Predicate<Finding> which, String what, List<String> injected) {
        assertTrue(findings.stream().anyMatch(which), () -> "no " + what + " finding; injected " + injected + "; found:\n"
                + lines(new HashSet<>(findings)));
    }
}
