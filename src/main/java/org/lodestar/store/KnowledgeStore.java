package org.lodestar.store;

import java.nio.file.Path;
import java.util.Optional;
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

    private KnowledgeStore(DatasetGraph dataset, String description, Path folder) {
        this.dataset = dataset;
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

    public DatasetGraph dataset() { return dataset; }

    /** The database's folder; empty in memory. */
    public Optional<Path> folder() { return Optional.ofNullable(folder); }

    /** True when no seed page has been built into it yet. */
    public boolean isEmpty() {
        return Txn.calculateRead(dataset, () -> !dataset.find(null, null, KG.contentHash, null).hasNext());
    }

    @Override
    public String toString() { return description; }
}
