package org.lodestar.bench;

import org.apache.jena.graph.Node;

/** An entity the benchmark asks for: its IRI, the {@code type/slug} of its URLs, and its degree. */
record Target(Node iri, String type, String slug, int degree) {
    /** {@code /view/concept/compliance-gap.json} and the like. */
    String path(String prefix, String extension) {
        return "/" + prefix + "/" + type + "/" + slug + extension;
    }
}
