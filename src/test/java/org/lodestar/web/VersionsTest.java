package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.lodestar.ontology.KG;
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

    private static void fingerprint(DatasetGraph dataset, Node graph, String hash) {
        Txn.executeWrite(dataset, () -> dataset.add(graph, graph, KG.contentHash, NodeFactory.createLiteralString(hash)));
    }
}
