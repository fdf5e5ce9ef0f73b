package org.lodestar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which SPARQL constraints one run answers for all focus nodes, and that the others are left to jena-shacl. */
class ThisBoundByPatternTest {
    private static final String PREFIX = "PREFIX ex: <http://example.org/>\n";

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT $this ?value WHERE { $this ex:p ?value . FILTER (?value != $this) }",
            "SELECT $this ?value WHERE { VALUES ?q { ex:p ex:r } $this ?q ?value . BIND (STR(?value) AS ?s) FILTER NOT EXISTS { ?x ex:p $this } }",
            "SELECT $this ?value WHERE { { $this ex:p ?value } UNION { $this ex:r ?value } }",
            "SELECT DISTINCT $this ?value WHERE { ?value ex:p $this . ?value ex:r/ex:s* ?o }"})
    void acceptsQueriesThatBindThisByATriplePattern(String query) {
        assertTrue(ThisBoundByPattern.test(QueryFactory.create(PREFIX + query)), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT ?value WHERE { $this ex:p ?value }",                                   // ?this not projected
            "SELECT * WHERE { $this ex:p ?value }",
            "SELECT $this ?value WHERE { ?value ex:p ?o . OPTIONAL { $this ex:r ?o } }",    // bound only sometimes
            "SELECT $this ?value WHERE { ?value ex:p ?o . FILTER (?o != $this) }",          // never bound by a pattern
            "SELECT $this ?value WHERE { $this ex:p* ?value }",                             // a path: every node when free
            "SELECT $this ?value WHERE { BIND ($this AS ?x) $this ex:p ?value }",           // read before bound
            "SELECT $this ?value WHERE { { $this ex:p ?value } UNION { ?value ex:r ?o } }", // one branch does not bind it
            "SELECT $this ?value WHERE { $this ex:p ?value } LIMIT 1",                      // one row over all focus nodes
            "SELECT $this (COUNT(?v) AS ?value) WHERE { $this ex:p ?v } GROUP BY $this",
            "SELECT $this ?value WHERE { $this ex:p ?value . FILTER (?value != $currentShape) }",
            "SELECT $this ?value WHERE { { SELECT $this ?value WHERE { $this ex:p ?value } } }",
            "ASK { $this ex:p ?value }"})
    void rejectsTheOthers(String query) {
        assertFalse(ThisBoundByPattern.test(QueryFactory.create(PREFIX + query)), query);
    }

    /** A constraint it rejects stays with jena-shacl, beside one it accepts: together, jena-shacl's results. */
    @Test
    void aRejectedConstraintStaysWithJenaShacl() {
        Graph shapesGraph = turtle("""
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                @prefix ex: <http://example.org/> .
                ex:S a sh:NodeShape ; sh:targetClass ex:C ;
                    sh:sparql [ sh:message "{?value} is also p of {$this}" ;
                                sh:select "SELECT $this ?value WHERE { $this <http://example.org/p> ?value . ?other <http://example.org/p> ?value . FILTER (?other != $this) }" ] ;
                    sh:sparql [ sh:message "optional {?value}" ;
                                sh:select "SELECT $this ?value WHERE { ?value <http://example.org/p> ?o . OPTIONAL { $this <http://example.org/q> ?o } }" ] ;
                    sh:property [ sh:path ex:p ; sh:maxCount 1 ] .
                """);
        Graph data = turtle("""
                @prefix ex: <http://example.org/> .
                ex:a a ex:C ; ex:p ex:x , ex:y ; ex:q ex:x .
                ex:b a ex:C ; ex:p ex:x .
                ex:c ex:p ex:y .
                """);
        Shapes shapes = Shapes.parse(shapesGraph);
        SplitShapes split = SplitShapes.of(shapes);
        assertEquals(1, split.wholeGraphConstraints().size(), split.wholeGraphConstraints().toString());
        List<String> expected = lines(ShaclValidator.get().validate(shapes, data).getEntries());
        assertFalse(expected.isEmpty());
        assertEquals(expected, lines(split.check(data)));
    }

    private static List<String> lines(java.util.Collection<ReportEntry> entries) {
        return entries.stream().map(e -> e.focusNode() + " " + e.source() + " " + e.resultPath() + " " + e.value() + " "
                + e.severity().level() + " " + e.sourceConstraintComponent() + " " + e.message()).sorted(Comparator.naturalOrder()).toList();
    }

    private static Graph turtle(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, Lang.TURTLE).parse(g);
        return g;
    }
}
