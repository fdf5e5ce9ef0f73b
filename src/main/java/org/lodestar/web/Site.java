package org.lodestar.web;

import org.apache.jena.sparql.core.DatasetGraph;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;

/** What every Lodestar servlet reads: the store, the ontology and the URIs minted under the base. */
record Site(KnowledgeStore store, Ontology ontology, Uris uris) {
    DatasetGraph dataset() { return store.dataset(); }

    Versions.DataVersion version() { return Versions.read(dataset(), uris.derivedGraph()); }
}
