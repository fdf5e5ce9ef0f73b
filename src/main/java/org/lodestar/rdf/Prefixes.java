package org.lodestar.rdf;

import org.apache.jena.shared.PrefixMapping;
import org.lodestar.ontology.KG;

/** The prefixes every RDF document Lodestar writes uses, so output stays readable. */
public final class Prefixes {
    private Prefixes() {}

    public static PrefixMapping standard() {
        return PrefixMapping.Factory.create()
                .setNsPrefixes(PrefixMapping.Standard)
                .setNsPrefix("kg", KG.NS)
                .setNsPrefix("dcterms", KG.DCTERMS)
                .setNsPrefix("sim", KG.SIM)
                .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
                .lock();
    }
}
