package org.lodestar.web;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lodestar.rdf.Prefixes;
import org.lodestar.util.ClasspathFolder;

/**
 * Writes a graph in one of the RDF formats. JSON-LD is compacted with the context that
 * {@code /ns/context.jsonld} publishes, carried inline so that a document can be read without
 * fetching anything; Turtle uses Lodestar's prefixes; RDF/XML is the plain (unabbreviated) form,
 * which any reader can follow.
 */
final class RdfOutput {
    /** The published JSON-LD context, the file served at {@code /ns/context.jsonld}. */
    static final String CONTEXT = ClasspathFolder.read("ns/context.jsonld");
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(Prefixes.standard())
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("void", "http://rdfs.org/ns/void#")
            .setNsPrefix("dcat", "http://www.w3.org/ns/dcat#")
            .setNsPrefix("sd", "http://www.w3.org/ns/sparql-service-description#")
            .setNsPrefix("xhv", "http://www.w3.org/1999/xhtml/vocab#")
            .lock();

    private RdfOutput() {}

    static PrefixMapping prefixes() { return PREFIXES; }

    static void write(Graph graph, Format format, OutputStream out) throws IOException {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(PREFIXES);
        graph.find().forEachRemaining(g::add);
        switch (format) {
            case TURTLE -> RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
            case NTRIPLES -> RDFDataMgr.write(out, g, RDFFormat.NTRIPLES_UTF8);
            case RDFXML -> RDFDataMgr.write(out, g, RDFFormat.RDFXML_PLAIN);
            case JSONLD -> out.write(jsonld(g).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(format + " is not an RDF format");
        }
        out.flush();
    }

    /** Jena writes the triples as JSON-LD; Titanium compacts them with the published context. */
    static String jsonld(Graph graph) throws IOException {
        StringWriter plain = new StringWriter();
        RDFDataMgr.write(plain, graph, RDFFormat.JSONLD11_PLAIN);
        try {
            JsonObject compacted = JsonLd.compact(JsonDocument.of(new StringReader(plain.toString())),
                    JsonDocument.of(new StringReader(CONTEXT))).get();
            StringWriter text = new StringWriter();
            try (JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
                w.writeObject(compacted);
            }
            return text.toString().strip() + "\n";
        } catch (JsonLdError e) {
            throw new IOException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }
}
