package org.lodestar.store;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.lodestar.ontology.KG;

/**
 * The TDB2 database behind the server: on disk under a folder, or in memory. Queries see the
 * union of the named graphs as their default graph, since each seed file has a graph of its own.
 */
public final class KnowledgeStore {
    private final DatasetGraph dataset;
    private final String description;
    private final Path folder;
    private DatasetGraph writes;

    private KnowledgeStore(DatasetGraph dataset, String description, Path folder) {
        this.dataset = dataset;
        this.writes = dataset;
        this.description = description;
        this.folder = folder;
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    public static KnowledgeStore open(Path folder) {
        return new KnowledgeStore(DatabaseMgr.connectDatasetGraph(folder.toString()), "TDB2 at " + folder, folder);
    }

    public static KnowledgeStore inMemory() {
        return new KnowledgeStore(DatabaseMgr.createDatasetGraph(), "TDB2 in memory", null);
    }

    /** Another store's SPARQL endpoint, read only: see {@link RemoteDataset}. */
    public static KnowledgeStore remote(RemoteEndpoint endpoint) {
        return new KnowledgeStore(new RemoteDataset(endpoint), "the SPARQL store at " + endpoint, null);
    }

    /** The remote endpoint this store reads, when it is one. */
    public Optional<RemoteEndpoint> remote() {
        return dataset instanceof RemoteDataset r ? Optional.of(r.endpoint()) : Optional.empty();
    }

    /** For reads (and writes that no replica needs to see): TDB2 itself. */
    public DatasetGraph dataset() { return dataset; }

    /**
     * Where builds and SPARQL updates write: the dataset itself, or, on a writer that publishes
     * its changes to replicas, the dataset wrapped so that every quad added or deleted reaches
     * {@code monitor}, whose {@code txnCommit} runs before TDB2's commit and aborts it by failing
     * ({@link DatasetGraphChanges#commit}). The wrapper is not TDB2 to {@code TDBInternal}, so
     * a build through it never loads in bulk: every quad must pass the monitor.
     */
    public DatasetGraph writes() { return writes; }

    /** Sends every later write through {@code monitor} ({@link #writes}); returns this store. */
    public KnowledgeStore publishing(RDFChanges monitor) {
        ChangesOverTdb2.register();
        this.writes = new DatasetGraphChanges(dataset, monitor);
        return this;
    }

    /** Whether writes are published ({@link #publishing}). */
    public boolean isPublishing() { return writes != dataset; }

    /** The database's folder; empty in memory. */
    public Optional<Path> folder() { return Optional.ofNullable(folder); }

    /** True when no seed page has been built into it yet. */
    public boolean isEmpty() {
        return Txn.calculateRead(dataset, () -> !dataset.find(null, null, KG.contentHash, null).hasNext());
    }

    @Override
    public String toString() { return description; }
}
