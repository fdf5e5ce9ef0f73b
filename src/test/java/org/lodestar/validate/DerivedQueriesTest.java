package org.lodestar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** Each {@code queries/shape-*.rq} is derived from the current query of its shape, and is used. */
class DerivedQueriesTest {

    @Test
    void everyDerivedQueryMatchesTheCurrentQueryOfItsShape() throws IOException {
        Graph shapes = shapesFolder();
        assertFalse(DerivedQueries.all().isEmpty(), "the edge-uniqueness query at least is derived");
        for (DerivedQueries.Derived d : DerivedQueries.all().values()) {
            Node shape = NodeFactory.createURI(d.shape());
            List<Query> queries = shapes.find(shape, SHACL.sparql, Node.ANY).toList().stream()
                    .map(Triple::getObject).map(c -> ShLib.extractSPARQLQuery(shapes, c)).toList();
            assertFalse(queries.isEmpty(), d.file() + " names " + shape + ", which has no sh:sparql in shapes/");
            List<String> hashes = queries.stream().map(DerivedQueries::hash).toList();
            assertTrue(hashes.contains(d.derivedFrom()), () -> d.file() + " was derived from another query of " + shape
                    + " than shapes/ now has: derive it again from the shape's query (normal form below) and put its hash "
                    + hashes + " in the first line, or delete the file\n" + queries.stream().map(DerivedQueries::normalForm).toList());
            Query source = queries.get(hashes.indexOf(d.derivedFrom()));
            assertEquals(source.getProjectVars(), d.query().getProjectVars(), d.file() + ": the shape's projection, in its order");
            assertTrue(DerivedQueries.forShape(shape, source).isPresent());
        }
    }

    @Test
    void theValidatorRunsTheDerivedForms() {
        List<WholeGraphSparql> derived = ShapesValidator.load().split().wholeGraphConstraints().stream()
                .filter(WholeGraphSparql::derived).toList();
        assertEquals(DerivedQueries.all().size(), derived.size(), derived.toString());
        assertTrue(derived.stream().anyMatch(c -> c.shape().getShapeNode().getURI().endsWith("#EdgeUnique")));
    }

    @Test
    void aChangedShapeQueryGetsNoDerivedForm() throws IOException {
        Graph shapes = shapesFolder();
        Node edgeUnique = NodeFactory.createURI("https://w3id.org/lodestar/shapes#EdgeUnique");
        Node constraint = shapes.find(edgeUnique, SHACL.sparql, Node.ANY).next().getObject();
        Query query = ShLib.extractSPARQLQuery(shapes, constraint);
        query.setLimit(10);
        assertTrue(DerivedQueries.forShape(edgeUnique, query).isEmpty());
    }

    private static Graph shapesFolder() throws IOException {
        Graph g = GraphFactory.createDefaultGraph();
        try (Stream<Path> files = Files.list(Path.of(ShapesValidator.FOLDER))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList())
                RDFParser.source(f).lang(Lang.TURTLE).parse(g);
        }
        return g;
    }
}
