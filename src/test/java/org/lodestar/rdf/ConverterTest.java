package org.lodestar.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.ParseResult;
import org.lodestar.seed.SeedParser;

/** Each page in seeds/ converted (together, as identity crosses pages) and checked against expected triples. */
class ConverterTest {
    static final String BASE = "http://localhost:8080/";
    static Ontology ontology;
    static Conversion all;

    @BeforeAll
    static void convertSeeds() throws IOException {
        ontology = Ontology.load();
        all = convert(seedNames().toList());
        assertFalse(all.hasErrors(), all.diagnostics().toString());
    }

    static Stream<String> seedNames() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList().stream();
        }
    }

    static Conversion convert(List<String> names) throws IOException {
        SeedParser parser = new SeedParser(ontology.vocabulary());
        Map<String, EntityPage> pages = new LinkedHashMap<>();
        for (String name : names) {
            ParseResult r = parser.parse("seeds/" + name, Files.readAllBytes(Path.of("seeds", name)));
            pages.put(name, r.page());
        }
        return new Converter(ontology, new Uris(BASE)).convert(pages);
    }

    static Conversion convertText(String name, String text) {
        ParseResult r = new SeedParser(ontology.vocabulary()).parse(name, text.getBytes(StandardCharsets.UTF_8));
        return new Converter(ontology, new Uris(BASE)).convert(Map.of(name, r.page()));
    }

    @ParameterizedTest
    @MethodSource("seedNames")
    void pageGraphHasTheExpectedTriples(String name) {
        Graph expected = GraphFactory.createDefaultGraph();
        RDFParser.source(Path.of("src/test/resources/convert", name + ".ttl")).parse(expected);
        Graph actual = all.graphs().get(name);
        List<Triple> missing = expected.find().toList().stream().filter(t -> !actual.contains(t)).toList();
        assertTrue(missing.isEmpty(), name + " lacks " + missing);
    }

    @ParameterizedTest
    @MethodSource("seedNames")
    void everyDirectEdgeHasItsQualifiedEdgeWithAnAssertionFromThisPage(String name) {
        Graph g = all.graphs().get(name);
        Node page = new Uris(BASE).seedGraph(name);
        g.find(Node.ANY, Node.ANY, Node.ANY).toList().stream()
                .filter(t -> t.getPredicate().equals(KG.linkedTo) || ontology.edgeForIri(t.getPredicate()).isPresent())
                .forEach(t -> {
                    Node edge = new Uris(BASE).edge(t.getSubject(), t.getPredicate(), t.getObject());
                    assertTrue(g.contains(edge, KG.source, t.getSubject()), "source of " + t);
                    assertTrue(g.contains(edge, KG.target, t.getObject()), "target of " + t);
                    Node assertion = g.find(edge, KG.assertion, Node.ANY).next().getObject();
                    assertTrue(g.contains(assertion, KG.seedPage, page), "page of " + t);
                });
    }

    @Test
    void justificationsAndScoresKeepTheirText() {
        Graph g = all.graphs().get("000_863e84539516a0bc.txt");
        assertTrue(g.contains(Node.ANY, KG.justification,
                NodeFactory.createLiteralString("Prior theoretical work on scheming AIs that motivates this paper")));
        Graph gap = all.graphs().get("concept-compliance-gap.txt");
        List<String> scores = gap.find(Node.ANY, KG.score, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList();
        assertEquals(List.of("0.701", "0.742"), scores.stream().sorted().toList());
    }

    @Test
    void aMentionResolvesToTheIdAnotherPageDeclaresWhicheverIsReadFirst() {
        String mention = "concept\nactive\nconcept:xX\nd\nNeighborhood — ranked by edge-count\nClaims (1)\nclaim\n- Gaps persistsupports\n";
        String declares = "claim\nactive\nclaim:persistent-gapGaps persist\nd\nNeighborhood — ranked by edge-count\n";
        for (List<String> order : List.of(List.of("a.txt", "b.txt"), List.of("b.txt", "a.txt"))) {
            SeedParser parser = new SeedParser(ontology.vocabulary());
            Map<String, EntityPage> pages = new LinkedHashMap<>();
            for (String n : order)
                pages.put(n, parser.parse(n, (n.equals("a.txt") ? mention : declares).getBytes(StandardCharsets.UTF_8)).page());
            Conversion c = new Converter(ontology, new Uris(BASE)).convert(pages);
            assertTrue(c.graphs().get("a.txt").contains(NodeFactory.createURI(BASE + "id/claim/persistent-gap"), KG.kg("supports"),
                    NodeFactory.createURI(BASE + "id/concept/x")), "order " + order);
        }
    }

    @Test
    void twoLabelsOnOneIdAreAnErrorWithBothPlaces() {
        String page = "concept\nactive\nconcept:gapGap\nd\nNeighborhood — ranked by edge-count\nConcepts (1)\nconcept\n- GAPassociated_with\n";
        Conversion c = convertText("p.txt", page);
        assertTrue(c.hasErrors());
        assertTrue(c.diagnostics().stream().anyMatch(d -> d.toString().startsWith("p.txt:8: error:") && d.message().contains("p.txt:3")),
                c.diagnostics().toString());
    }
}
