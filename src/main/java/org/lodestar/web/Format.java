package org.lodestar.web;

import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.Lang;

/**
 * The representations Lodestar serves, each with its media type, the aliases clients also send for
 * it, its file extension and the Jena language that writes it (none for HTML, plain text and JSON).
 */
public enum Format {
    TURTLE("text/turtle", List.of("application/x-turtle"), "ttl", Lang.TURTLE),
    JSONLD("application/ld+json", List.of("application/json"), "jsonld", Lang.JSONLD),
    NTRIPLES("application/n-triples", List.of(), "nt", Lang.NTRIPLES),
    RDFXML("application/rdf+xml", List.of(), "rdf", Lang.RDFXML),
    HTML("text/html", List.of("application/xhtml+xml"), "html", null),
    TEXT("text/plain", List.of(), "txt", null),
    JSON("application/json", List.of(), "json", null);

    /** What an entity's document and the ontology offer, in the server's order of preference. */
    public static final List<Format> DOCUMENT = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML, HTML);
    /** RDF only: the SPARQL service description, the VoID description. */
    public static final List<Format> RDF = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);

    private final String mediaType;
    private final List<String> aliases;
    private final String extension;
    private final Lang lang;

    Format(String mediaType, List<String> aliases, String extension, Lang lang) {
        this.mediaType = mediaType;
        this.aliases = aliases;
        this.extension = extension;
        this.lang = lang;
    }

    public String mediaType() { return mediaType; }

    public List<String> aliases() { return aliases; }

    public String extension() { return extension; }

    /** The Jena language; null for HTML, plain text and JSON. */
    public Lang lang() { return lang; }

    public boolean isRdf() { return lang != null; }

    /** The Content-Type header value: every text format here is UTF-8. */
    public String contentType() { return mediaType + "; charset=utf-8"; }

    public static Optional<Format> forExtension(String extension, List<Format> among) {
        return among.stream().filter(f -> f.extension.equals(extension)).findFirst();
    }
}
