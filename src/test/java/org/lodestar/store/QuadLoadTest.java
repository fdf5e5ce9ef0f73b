package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.validate.ShapesValidator;

/** The bulk write into an empty TDB2: every index answers as if each quad had been added alone. */
class QuadLoadTest {
    @TempDir
    Path dir;

    private static Node iri(String s) { return NodeFactory.createURI("http://example.org/" + s); }

    private static List<Quad> quads() {
        List<Quad> quads = new ArrayList<>();
        for (int g = 0; g < 30; g++)
            for (int i = 0; i < 40; i++)
                quads.add(Quad.create(iri("g" + g), iri("s" + (i * 7 + g) % 50), iri("p" + i % 4),
                        i % 3 == 0 ? NodeFactory.createLiteralString("v" + i) : iri("s" + (i + g) % 50)));
        return quads;
    }

    /** Patterns that only the secondary indexes (GPOS, GOSP, POSG, OSPG, SPOG) answer directly. */
    private static Set<String> answers(DatasetGraph ds) {
        Set<String> out = new HashSet<>();
        Txn.executeRead(ds, () -> {
            out.add("all " + ds.stream().count());
            for (Node g : List.of(iri("g3"), Node.ANY))
                for (Node s : List.of(iri("s7"), Node.ANY))
                    for (Node p : List.of(iri("p1"), Node.ANY))
                        for (Node o : List.of(iri("s10"), NodeFactory.createLiteralString("v3"), Node.ANY))
                            ds.find(g, s, p, o).forEachRemaining(q -> out.add(g + " " + s + " " + p + " " + o + " -> " + q));
        });
        return out;
    }

    @Test
    void aBulkLoadAnswersEveryPatternLikeQuadsAddedOneByOne() {
        DatasetGraph plain = DatabaseMgr.connectDatasetGraph(dir.resolve("plain").toString());
        Txn.executeWrite(plain, () -> quads().forEach(plain::add));
        DatasetGraph bulk = DatabaseMgr.connectDatasetGraph(dir.resolve("bulk").toString());
        Txn.executeWrite(bulk, () -> {
            QuadLoad load = QuadLoad.start(bulk);
            assertTrue(load.bulk());
            quads().forEach(q -> load.add(q.getGraph(), q.asTriple()));
            load.finish();
        });
        Set<String> expected = answers(plain);
        assertTrue(expected.size() > 100, "the patterns match quads: " + expected.size());
        assertEquals(expected, answers(bulk));
    }

    @Test
    void aTableWithDataIsWrittenQuadByQuad() {
        DatasetGraph ds = DatabaseMgr.connectDatasetGraph(dir.resolve("db").toString());
        Txn.executeWrite(ds, () -> ds.add(iri("g"), iri("s"), iri("p"), iri("o")));
        Txn.executeWrite(ds, () -> {
            QuadLoad load = QuadLoad.start(ds);
            assertFalse(load.bulk());
            load.add(iri("g"), Triple.create(iri("s2"), iri("p"), iri("o")));
            load.finish();
        });
        assertEquals(2, Txn.calculateRead(ds, () -> ds.stream(Node.ANY, Node.ANY, Node.ANY, iri("o")).count()));
    }

    @Test
    void aFailedBulkLoadLeavesTheDatabaseEmptyAndWhole() {
        DatasetGraph ds = DatabaseMgr.connectDatasetGraph(dir.resolve("db").toString());
        assertThrows(IllegalStateException.class, () -> Txn.executeWrite(ds, () -> {
            QuadLoad load = QuadLoad.start(ds);
            try {
                quads().forEach(q -> load.add(q.getGraph(), q.asTriple()));
                throw new IllegalStateException("disk full");
            } catch (RuntimeException e) {
                load.abandon();
                throw e;
            }
        }));
        assertEquals(0L, Txn.calculateRead(ds, () -> ds.stream().count()));
        // all six indexes are attached again: a later write reaches each of them (a full scan reads
        // SPOG, which would be missing; the others answer by their own prefixes)
        Txn.executeWrite(ds, () -> ds.add(iri("g"), iri("s"), iri("p"), iri("o")));
        assertEquals(1L, Txn.calculateRead(ds, () -> ds.stream().count()));
        var indexes = org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(ds).getQuadTable().getNodeTupleTable().getTupleTable();
        Txn.executeRead(ds, () -> {
            for (int i = 0; i < indexes.numIndexes(); i++)
                assertEquals(1L, indexes.getIndex(i).size(), indexes.getIndex(i).getName());
        });
    }

    @Test
    void aBuildIntoAnEmptyDatabaseMatchesTheSameBuildIntoOneWithData() throws Exception {
        Pipeline pipeline = new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris("http://localhost:8080/"));
        var files = SeedFiles.folder(Path.of("seeds"));
        KnowledgeStore fresh = KnowledgeStore.open(dir.resolve("fresh"));
        new SeedBuild(pipeline, false).run(fresh, files);
        // a stray quad makes the table non-empty, so this build adds quad by quad
        KnowledgeStore used = KnowledgeStore.open(dir.resolve("used"));
        Node stray = iri("stray");
        Txn.executeWrite(used.dataset(), () -> used.dataset().add(stray, stray, stray, stray));
        new SeedBuild(pipeline, false).run(used, files);
        Txn.executeWrite(used.dataset(), () -> used.dataset().delete(stray, stray, stray, stray));
        assertEquals(withoutBuildTimes(fresh.dataset()), withoutBuildTimes(used.dataset()));
    }

    /** Blank nodes (the ontology's lists) get new labels in every database. */
    private static String term(Node n) { return n.isBlank() ? "_: " : n + " "; }

    private static Set<String> withoutBuildTimes(DatasetGraph ds) {
        Set<String> out = new HashSet<>();
        Txn.executeRead(ds, () -> ds.find().forEachRemaining(q -> {
            if (!q.getPredicate().getURI().endsWith("/modified"))
                out.add(term(q.getGraph()) + term(q.getSubject()) + term(q.getPredicate()) + term(q.getObject()));
        }));
        return out;
    }
}
