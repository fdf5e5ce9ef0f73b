package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;

/** The data version is cached between commits and follows every commit that changes a fingerprint. */
class VersionsTest {
    private static final Node DERIVED = NodeFactory.createURI("http://example.org/graph/derived");

    @Test
    void cachedUntilACommitChangesAFingerprint() {
        DatasetGraph dataset = KnowledgeStore.inMemory().dataset();
        Node page = NodeFactory.createURI("http://example.org/graph/seed/a.md");
        fingerprint(dataset, page, "one");
        Versions.DataVersion first = Versions.read(dataset, DERIVED);
        assertSame(first, Versions.read(dataset, DERIVED), "no commit in between: the cached answer");

        Txn.executeWrite(dataset, () -> dataset.delete(page, page, KG.contentHash, NodeFactory.createLiteralString("one")));
        fingerprint(dataset, page, "two");
        Versions.DataVersion second = Versions.read(dataset, DERIVED);
        assertNotEquals(first.hash(), second.hash());

        // Inside a write transaction nothing is cached: a later reader must not see its number reused.
        dataset.begin(ReadWrite.WRITE);
        try {
            dataset.add(page, page, KG.contentHash, NodeFactory.createLiteralString("three"));
            assertNotEquals(second.hash(), Versions.read(dataset, DERIVED).hash());
            dataset.abort();
        } finally {
            dataset.end();
        }
        assertEquals(second.hash(), Versions.read(dataset, DERIVED).hash(), "the aborted write left no trace");
    }

    @Test
    void requestsArrivingTogetherAfterACommitShareOneScan() throws Exception {
        DatasetGraph dataset = KnowledgeStore.inMemory().dataset();
        // Enough fingerprints that a scan takes long enough for the readers to meet in it.
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 5_000; i++) {
                Node page = NodeFactory.createURI("http://example.org/graph/seed/p" + i + ".md");
                dataset.add(page, page, KG.contentHash, NodeFactory.createLiteralString("h" + i));
            }
        });
        int readers = 8;
        CyclicBarrier together = new CyclicBarrier(readers);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Versions.DataVersion>> read = new ArrayList<>();
            for (int i = 0; i < readers; i++)
                read.add(pool.submit(() -> {
                    together.await();
                    return Versions.read(dataset, DERIVED);
                }));
            Versions.DataVersion first = read.get(0).get();
            for (Future<Versions.DataVersion> f : read)
                assertSame(first, f.get(), "one reader scanned, the others took its answer");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aServerHasItsDataVersionBeforeItsFirstRequest() {
        KnowledgeStore store = KnowledgeStore.inMemory();
        ServerSettings settings = new ServerSettings(0, null, null, "http://example.org/", null, 10_000);
        Node derived = new Uris(settings.base()).derivedGraph();
        Node page = NodeFactory.createURI("http://example.org/graph/seed/a.md");
        fingerprint(store.dataset(), page, "one");
        assertFalse(Versions.isCached(store.dataset(), derived));
        FusekiServer server = LodestarServer.start(settings, store);
        try {
            assertTrue(Versions.isCached(store.dataset(), derived), "read while the server was prepared");
        } finally {
            server.stop();
        }
    }

    private static void fingerprint(DatasetGraph dataset, Node graph, String hash) {
        Txn.executeWrite(dataset, () -> dataset.add(graph, graph, KG.contentHash, NodeFactory.createLiteralString(hash)));
    }

    /**
     * A SPARQL update may change what the derived graph is computed from (edges, similarity links):
     * the next build derives it again even when no page changed, as it used to when views read
     * rankings stored in it.
     */
    @Test
    void theBuildAfterAnUpdateDerivesAgainWithNoPageChanged(@TempDir Path dir) throws Exception {
        Path seeds = TestSeeds.copy(dir);
        KnowledgeStore store = WebClient.build(seeds);
        Node derived = new Uris(WebClient.BASE).derivedGraph(), entity = NodeFactory.createURI(WebClient.BASE + "id/concept/alignment-faking");
        Node degree = Txn.calculateRead(store.dataset(), () -> store.dataset().find(derived, entity, KG.degree, Node.ANY).next().getObject());
        Txn.executeWrite(store.dataset(), () -> { // as an update that left the degree behind the edges would
            store.dataset().delete(derived, entity, KG.degree, degree);
            store.dataset().add(derived, entity, KG.degree, NodeFactory.createLiteralString("stale"));
        });
        Versions.recordUpdate(store.dataset(), derived);
        WebClient.buildInto(store, seeds);
        assertEquals(degree, Txn.calculateRead(store.dataset(), () -> store.dataset().find(derived, entity, KG.degree, Node.ANY).next().getObject()),
                "derived again");
        assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(derived, derived, KG.contentHash, Node.ANY)));
        assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(derived, derived, KG.lastUpdate, Node.ANY)),
                "the update's token outlives the derive");
    }
}
