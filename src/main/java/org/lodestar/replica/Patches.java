package org.lodestar.replica;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;

/** RDF Patch records: the text format (TX, A and D rows, TC), one transaction per record. */
final class Patches {
    private Patches() {}

    static byte[] bytes(RDFPatch patch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFPatchOps.write(out, patch);
        return out.toByteArray();
    }

    static RDFPatch read(byte[] bytes) {
        return RDFPatchOps.read(new ByteArrayInputStream(bytes));
    }

    /**
     * Applies the record at {@code offset} and moves the position past it, inside the caller's
     * write transaction: the patch's own TX and TC are the record's bounds, not transactions of
     * their own, since the position must commit with the change. A record before the position has
     * been applied already and is skipped.
     *
     * @return whether the record was applied
     */
    static boolean apply(DatasetGraph dataset, long offset, byte[] record) {
        if (offset < LogPosition.next(dataset))
            return false;
        read(record).apply(new RDFChangesBase() {
            @Override
            public void add(Node g, Node s, Node p, Node o) { dataset.add(g, s, p, o); }

            @Override
            public void delete(Node g, Node s, Node p, Node o) { dataset.delete(g, s, p, o); }
        });
        LogPosition.set(dataset, offset + 1);
        return true;
    }
}
