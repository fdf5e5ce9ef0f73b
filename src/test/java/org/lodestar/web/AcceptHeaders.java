package org.lodestar.web;

import java.util.List;
import org.apache.jena.riot.WebContent;

/**
 * Accept headers that real clients send, with the representation an entity document must give
 * them (null: 406). Browsers' are their navigation headers; Jena's are its own constants.
 */
final class AcceptHeaders {
    record Row(String client, String accept, Format expected) {
        @Override
        public String toString() { return client; }
    }

    static final List<Row> REAL_CLIENTS = List.of(
            new Row("Chrome 13x", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
                    + "application/signed-exchange;v=b3;q=0.7", Format.HTML),
            new Row("Firefox 13x", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", Format.HTML),
            new Row("Safari 18", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", Format.HTML),
            new Row("Edge (Chromium)", "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,image/apng,*/*;q=0.8", Format.HTML),
            new Row("curl", "*/*", Format.TURTLE),
            new Row("wget", "*/*", Format.TURTLE),
            new Row("python requests", "*/*", Format.TURTLE),
            new Row("no Accept header", null, Format.TURTLE),
            new Row("rapper (RDF/XML parser)", "application/rdf+xml, text/rdf;q=0.6, */*;q=0.1", Format.RDFXML),
            new Row("rapper -g (guess parser)", "application/rdf+xml,text/rdf;q=0.6,application/n-triples,text/plain;q=0.1,"
                    + "text/turtle,application/x-turtle,application/turtle,text/n3;q=0.3,text/rdf+n3;q=0.3,application/rdf+n3;q=0.3,"
                    + "application/x-trig,text/x-nquads,application/json;q=0.1,text/json;q=0.1,text/html;q=0.2,"
                    + "application/xhtml+xml;q=0.4,application/rss+xml;q=0.8,application/xml;q=0.3,text/xml;q=0.3,*/*;q=0.1", Format.TURTLE),
            new Row("Comunica", "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,application/n-triples;q=0.8,"
                    + "text/turtle;q=0.6,application/rdf+xml;q=0.5,application/json;q=0.45,text/n3;q=0.35,application/xml;q=0.3,"
                    + "image/svg+xml;q=0.3,text/xml;q=0.3,text/html;q=0.2,application/xhtml+xml;q=0.18,text/shaclc;q=0.1,"
                    + "text/shaclc-ext;q=0.05", Format.JSONLD),
            new Row("Jena RDFConnection (graph)", WebContent.defaultGraphAcceptHeader, Format.TURTLE),
            new Row("Jena RDFDataMgr", WebContent.defaultRDFAcceptHeader, Format.TURTLE));

    static final List<Row> RULES = List.of(
            new Row("JSON-LD only", "application/ld+json", Format.JSONLD),
            new Row("JSON as JSON-LD", "application/json", Format.JSONLD),
            new Row("N-Triples only", "application/n-triples", Format.NTRIPLES),
            new Row("RDF/XML only", "application/rdf+xml", Format.RDFXML),
            new Row("HTML only", "text/html", Format.HTML),
            new Row("upper case", "TEXT/HTML", Format.HTML),
            new Row("q decides", "text/turtle;q=0.5, application/ld+json", Format.JSONLD),
            new Row("specific beats wildcard at equal q", "application/ld+json, */*", Format.JSONLD),
            new Row("most specific range gives the q", "text/*;q=0.5, text/html;q=0.1", Format.TURTLE),
            new Row("type wildcard, server order", "text/*", Format.TURTLE),
            new Row("server order on ties", "application/n-triples, application/rdf+xml", Format.NTRIPLES),
            new Row("q=0 excludes", "*/*, text/turtle;q=0", Format.JSONLD),
            new Row("spaces and parameters", " text/turtle ; charset=utf-8 ; q=0.4 , application/rdf+xml ; q=0.3", Format.TURTLE),
            new Row("unreadable header is no header", "garbage", Format.TURTLE),
            new Row("bad q ignored", "application/ld+json;q=2, text/html;q=abc", Format.TURTLE),
            new Row("no substring matching", "text/html-fragment", null),
            new Row("nothing acceptable", "image/png, application/pdf", null),
            new Row("everything refused", "*/*;q=0", null));

    private AcceptHeaders() {}
}
