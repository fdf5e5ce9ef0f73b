package org.lodestar.replica;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.lodestar.ontology.KG;

/**
 * How far into the patch log a database is: the offset of the next record it has to apply, as one
 * triple in a graph of its own, written in the same TDB2 transaction as the change it follows.
 * So the data and its position commit together or not at all: a crash can neither lose a change
 * (position ahead of the data) nor apply one twice (data ahead of the position). The writer keeps
 * the same triple (the offset its last patch got), so a writer and a replica that agree hold the
 * same quads, this one included. Call inside a transaction.
 */
public final class LogPosition {
    /** Not under the base: it is the database's own state, not part of the knowledge graph. */
    public static final Node GRAPH = NodeFactory.createURI("urn:lodestar:replication");
    static final Node NEXT = NodeFactory.createURI(KG.NS + "nextPatchOffset");

    private LogPosition() {}

    /** The offset of the next record to apply; 0 for a database that has applied none. */
    public static long next(DatasetGraph dataset) {
        var found = dataset.find(GRAPH, GRAPH, NEXT, Node.ANY);
        return found.hasNext() ? Long.parseLong(found.next().getObject().getLiteralLexicalForm()) : 0;
    }

    /** Whether the database has a position at all (a writer that never published has none). */
    static boolean recorded(DatasetGraph dataset) {
        return dataset.find(GRAPH, GRAPH, NEXT, Node.ANY).hasNext();
    }

    static void set(DatasetGraph dataset, long next) {
        dataset.deleteAny(GRAPH, GRAPH, NEXT, Node.ANY);
        dataset.add(GRAPH, GRAPH, NEXT, NodeFactory.createLiteralDT(Long.toString(next), XSDDatatype.XSDlong));
    }
}
