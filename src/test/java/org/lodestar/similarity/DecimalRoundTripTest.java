package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A score written to TDB2 reads back as written, so that deleting it as read deletes it (a link with two scores was the bug). */
class DecimalRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.670", "0.508", "1.000", "0.000", "0.650", "0.9"})
    void aScoreIsDeletedAsItIsRead(String score) {
        DatasetGraph ds = DatabaseMgr.createDatasetGraph();
        Node g = NodeFactory.createURI("http://x/g"), link = NodeFactory.createURI("http://x/link"),
                p = NodeFactory.createURI("http://x/score");
        Node written = StoredLinks.decimal(Vectors.score(Double.parseDouble(score)));
        Txn.executeWrite(ds, () -> ds.add(g, link, p, written));
        Txn.executeWrite(ds, () -> {
            Graph stored = ds.getGraph(g);
            Triple read = stored.find(link, p, Node.ANY).next();
            assertEquals(written, read.getObject(), "read back as written");
            StoredLinks.removeAll(stored, link, Node.ANY);
        });
        assertFalse(Txn.calculateRead(ds, () -> ds.find(g, link, p, Node.ANY).hasNext()), "gone");
        assertEquals(0, new BigDecimal(score).compareTo(new BigDecimal(written.getLiteralLexicalForm())), "the same value");
    }
}
