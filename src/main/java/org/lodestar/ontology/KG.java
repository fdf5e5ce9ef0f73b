package org.lodestar.ontology;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Terms of the Lodestar namespace and of the vocabularies the RDF uses beside it. */
public final class KG {
    private KG() {}

    public static final String NS = "https://w3id.org/lodestar/ns#";
    public static final String ONTOLOGY_IRI = "https://w3id.org/lodestar/ns";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String SIM = "http://purl.org/ontology/similarity/";

    public static Node kg(String local) { return NodeFactory.createURI(NS + local); }

    // Classes
    public static final Node Entity = kg("Entity");
    public static final Node Edge = kg("Edge");
    public static final Node Assertion = kg("Assertion");
    public static final Node SimilarityLink = kg("SimilarityLink");

    // Ontology annotations read by the code
    public static final Node typeKey = kg("typeKey");
    public static final Node heading = kg("heading");
    public static final Node viewOrder = kg("viewOrder");
    public static final Node key = kg("key");

    // Entity terms
    public static final Node status = kg("status");
    public static final Node seedPage = kg("seedPage");
    public static final Node degree = kg("degree");
    public static final Node contentHash = kg("contentHash");
    public static final Node lastUpdate = kg("lastUpdate");
    public static final Node buildInputs = kg("buildInputs");
    public static final Node derivationStamp = kg("derivationStamp");
    public static final Node sourceDigest = kg("sourceDigest");
    public static final Node identityDigest = kg("identityDigest");
    public static final Node identifier = NodeFactory.createURI(DCTERMS + "identifier");
    public static final Node description = NodeFactory.createURI(DCTERMS + "description");

    // Qualified edges
    public static final Node linkedTo = kg("linkedTo");
    public static final Node source = kg("source");
    public static final Node predicate = kg("predicate");
    public static final Node target = kg("target");
    public static final Node assertion = kg("assertion");
    public static final Node justification = kg("justification");
    public static final Node position = kg("position");
    public static final Node line = kg("line");

    // Similarity links
    public static final Node element = NodeFactory.createURI(SIM + "element");
    public static final Node method = NodeFactory.createURI(SIM + "method");
    public static final Node score = kg("score");
    public static final Node note = kg("note");
    public static final Node imported = kg("imported");
}
