package org.lodestar.similarity;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.lodestar.ontology.KG;

/** The terms computed similarity links use beyond those in {@link KG}; all declared in ontology/terms.ttl. */
public final class SimilarityTerms {
    private SimilarityTerms() {}

    public static final String PROV = "http://www.w3.org/ns/prov#";

    /** The sim:AssociationMethod of links computed with {@link MiniLm}; rdfs:label "all-MiniLM-L6-v2". */
    public static final Node ALL_MINILM_L6_V2 = KG.kg("allMiniLML6v2");
    /** When a computed link was computed (xsd:dateTime). */
    public static final Node generatedAtTime = NodeFactory.createURI(PROV + "generatedAtTime");
    /** On the derived graph: the threshold its computed links were made with. */
    public static final Node similarityThreshold = KG.kg("similarityThreshold");
    /** On the derived graph: the k its computed links were made with. */
    public static final Node similarityLimit = KG.kg("similarityLimit");

    /** The method individual of a model's links. */
    public static Node method(Embedder embedder) {
        if (embedder.model().equals(MiniLm.MODEL))
            return ALL_MINILM_L6_V2;
        throw new IllegalArgumentException("no sim:AssociationMethod is declared for the model '" + embedder.model() + "'");
    }
}
