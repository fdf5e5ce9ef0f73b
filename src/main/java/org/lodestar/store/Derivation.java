package org.lodestar.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.util.CodeFingerprint;
import org.lodestar.view.LeftoverCaches;

/**
 * Keeps the derived graph true to the pages, in place, inside the build's write transaction:
 * degrees (all of them after a first build, a changed code or a SPARQL update; otherwise only those
 * of the entities an edit touched), computed similarity links (only those that change are
 * written), the time of the change and a new data-version token. Nothing in it is a rendered
 * view: the views are made by SPARQL over these triples.
 */
final class Derivation {
    /** The code that makes derived data: this package and the similarity package. */
    static final String CODE = CodeFingerprint.of(List.of(Derivation.class, SimilarityDerivation.class), List.of());

    private final DatasetGraph dataset;
    private final Ontology ontology;
    private final Uris uris;
    private final Node derivedGraph;
    private final SimilarityDerivation similarity;
    private final PhaseClock clock;

    Derivation(DatasetGraph dataset, Ontology ontology, Uris uris, SimilarityDerivation similarity, PhaseClock clock,
               Progress progress) {
        this.dataset = dataset;
        this.ontology = ontology;
        this.uris = uris;
        this.derivedGraph = uris.derivedGraph();
        this.similarity = similarity;
        this.clock = clock;
    }

    /**
     * True when the derived graph was made by this code, after the last SPARQL update, with these
     * similarity settings: a build that changed no page then has nothing to derive.
     */
    boolean isCurrent() {
        return dataset.contains(derivedGraph, derivedGraph, KG.derivationStamp, stamp())
                && similarity.isCurrent(dataset.getGraph(derivedGraph), derivedGraph)
                && !LeftoverCaches.in(dataset.getGraph(derivedGraph));
    }

    /**
     * Derives again what {@code touched} names, or everything when it says all did or the graph
     * was made otherwise; {@code change} names what the build read (its inputs' digest), for the
     * data-version token.
     */
    void run(Changes touched, String change) {
        if (LeftoverCaches.in(dataset.getGraph(derivedGraph)))
            clearLeftovers();
        boolean all = touched.all() || !dataset.contains(derivedGraph, derivedGraph, KG.derivationStamp, stamp());
        if (all)
            touched.everythingDescribed();
        // the data version this build starts from: what the similarity update's saved entity list must describe
        String before = value(dataset, derivedGraph, KG.contentHash, "");
        Degrees degrees = new Degrees(dataset, ontology);
        clock.time("derive", () -> {
            if (all)
                degrees.writeAll(dataset, derivedGraph);
            else
                touched.degreesChanged(degrees.update(dataset, derivedGraph, touched.edgeEnds()));
            return null;
        });
        clock.time("similarity", () -> {
            if (all || !similarity.isCurrent(dataset.getGraph(derivedGraph), derivedGraph))
                similarity.derive(dataset, uris, derivedGraph);
            else
                similarity.update(dataset, uris, derivedGraph, touched.texts(), touched.edgeEnds(), before);
            similarity.lastChanged().ifPresentOrElse(touched::described, touched::everythingDescribed);
            return null;
        });
        // A token, not a fingerprint of the graph: an edit does not read the graph whole. Chained
        // from the one before, so that it never comes back to an earlier value.
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), token = Uris.hash(before + "\n" + change, 64);
        replace(KG.contentHash, NodeFactory.createLiteralString(token));
        // before the commit: should it not happen, the list's token is one the data never had, and is not used
        similarity.keep(token);
        replace(KG.derivationStamp, stamp());
        // when the data last changed: the server's Last-Modified
        replace(DCTerms.modified.asNode(), NodeFactory.createLiteralDT(now, XSDDatatype.XSDdateTime));
    }

    /**
     * A derived graph an earlier version made holds rendered caches (mostly JSON): it is made anew,
     * whole, keeping only the update token, which the data version must never lose.
     */
    private void clearLeftovers() {
        String update = value(dataset, derivedGraph, KG.lastUpdate, null);
        dataset.removeGraph(derivedGraph);
        if (update != null)
            dataset.add(derivedGraph, derivedGraph, KG.lastUpdate, NodeFactory.createLiteralString(update));
    }

    /** This code and the SPARQL update token the graph holds now (a SPARQL update changes it). */
    private Node stamp() {
        String update = value(dataset, derivedGraph, KG.lastUpdate, "none");
        return NodeFactory.createLiteralString("code " + CODE + " update " + update);
    }

    /** The lexical form of the derived graph's own {@code property}, or {@code otherwise}. */
    static String value(DatasetGraph dataset, Node derivedGraph, Node property, String otherwise) {
        var found = dataset.find(derivedGraph, derivedGraph, property, Node.ANY);
        return found.hasNext() ? found.next().getObject().getLiteralLexicalForm() : otherwise;
    }

    private void replace(Node property, Node value) {
        dataset.deleteAny(derivedGraph, derivedGraph, property, Node.ANY);
        dataset.add(derivedGraph, derivedGraph, property, value);
    }
}
