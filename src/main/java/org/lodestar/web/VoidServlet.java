package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;

/**
 * {@code /.well-known/void}: what this dataset is and where to get it, in VoID with DCAT and the
 * SPARQL service description — size, a class partition, the URI space, example resources, the
 * endpoint, the dumps, and one linkset per link predicate and target namespace. Counted with the
 * {@code void-*.rq} queries once per data version.
 */
final class VoidServlet extends HttpServlet {
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String PATH = "/.well-known/void";

    private final Site site;
    private final AtomicReference<Object[]> cache = new AtomicReference<>();

    VoidServlet(Site site) { this.site = site; }

    static Node dataset(Uris uris) { return NodeFactory.createURI(uris.base() + ".well-known/void#dataset"); }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String ext = req.getRequestURI().substring(req.getRequestURI().lastIndexOf('/') + 1).replaceFirst("^void\\.?", "");
        Format fixed = ext.isEmpty() ? null : Format.forExtension(ext, Format.RDF).orElse(null);
        if (!ext.isEmpty() && fixed == null) {
            NotFound.send(req, resp, "No such document.", null);
            return;
        }
        RdfResource.serve(req, resp, site, PATH, fixed, Format.RDF, this::graph, null);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) { Http.options(resp); }

    private Graph graph() {
        String version = site.version().hash();
        Object[] cached = cache.get();
        if (cached != null && cached[0].equals(version))
            return (Graph) cached[1];
        Graph g = Txn.calculateRead(site.dataset(), this::build);
        cache.set(new Object[] {version, g});
        return g;
    }

    private Graph build() {
        Uris uris = site.uris();
        String base = uris.base();
        Graph g = GraphFactory.createDefaultGraph();
        Node doc = uri(base + ".well-known/void");
        Node ds = dataset(uris);
        g.add(doc, RDF.type.asNode(), v("DatasetDescription"));
        g.add(doc, DCTerms.title.asNode(), text("Description of the Lodestar knowledge graph"));
        g.add(doc, EntityDocument.PRIMARY_TOPIC, ds);
        g.add(ds, RDF.type.asNode(), v("Dataset"));
        g.add(ds, RDF.type.asNode(), d("Dataset"));
        g.add(ds, DCTerms.title.asNode(), text("Lodestar knowledge graph"));
        g.add(ds, DCTerms.description.asNode(), text("Entities of a research field (concepts, frameworks, methods, questions, "
                + "claims, papers, thinkers, artifacts, quotes), their typed and justified relations, and similarity links."));
        g.add(ds, DCTerms.license.asNode(), uri(EntityDocument.LICENSE));
        g.add(ds, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(site.version().modified().toString(), XSDDatatype.XSDdateTime));
        g.add(ds, v("uriSpace"), text(base + "id/"));
        g.add(ds, v("uriRegexPattern"), text("^" + base.replace(".", "\\.") + "id/[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$"));
        g.add(ds, v("vocabulary"), uri(KG.ONTOLOGY_IRI));
        g.add(ds, v("feature"), uri("http://www.w3.org/ns/formats/Turtle"));
        g.add(ds, v("feature"), uri("http://www.w3.org/ns/formats/N-Triples"));
        g.add(ds, v("feature"), uri("http://www.w3.org/ns/formats/JSON-LD"));
        g.add(ds, v("feature"), uri("http://www.w3.org/ns/formats/RDF_XML"));
        Node endpoint = uri(base + "kg/sparql");
        g.add(ds, v("sparqlEndpoint"), endpoint);
        dump(g, ds, uri(base + "dump/lodestar.nt.gz"), "application/n-triples", "application/gzip");
        dump(g, ds, uri(base + "dump/lodestar.ttl"), "text/turtle", null);
        Binding stats = rows(Queries.get("void-statistics"))[0];
        for (String count : new String[] {"triples", "entities", "properties", "classes"})
            g.add(ds, v(count), stats.get(count));
        g.add(ds, v("distinctSubjects"), stats.get("subjects"));
        for (Binding row : rows(Queries.get("void-classes"))) {
            Node part = NodeFactory.createBlankNode();
            g.add(ds, v("classPartition"), part);
            g.add(part, v("class"), row.get("class"));
            g.add(part, v("entities"), row.get("entities"));
        }
        for (Binding row : rows(Queries.get("void-examples")))
            g.add(ds, v("exampleResource"), row.get("entity"));
        for (Binding row : rows(Queries.get("void-linksets")))
            linkset(g, ds, row, base);
        Node service = uri(base + ".well-known/void#service");
        ServiceDescription.describe(service, endpoint, site.dataset()).find().forEachRemaining(g::add);
        g.add(ds, d("accessService"), service);
        return g;
    }

    private static void dump(Graph g, Node ds, Node url, String mediaType, String compression) {
        g.add(ds, v("dataDump"), url);
        Node dist = NodeFactory.createBlankNode();
        g.add(ds, d("distribution"), dist);
        g.add(dist, RDF.type.asNode(), d("Distribution"));
        g.add(dist, d("downloadURL"), url);
        g.add(dist, d("mediaType"), uri("http://www.iana.org/assignments/media-types/" + mediaType));
        if (compression != null)
            g.add(dist, d("compressFormat"), uri("http://www.iana.org/assignments/media-types/" + compression));
        g.add(dist, DCTerms.license.asNode(), uri(EntityDocument.LICENSE));
    }

    /** One linkset: the links with one predicate into one target namespace, e.g. owl:sameAs into Wikidata. */
    private static void linkset(Graph g, Node ds, Binding row, String base) {
        Node predicate = row.get("predicate");
        String target = row.get("target").getLiteralLexicalForm();
        String name = Uris.hash(predicate.getURI() + " " + target, 8);
        Node linkset = uri(base + ".well-known/void#linkset-" + name);
        Node other = uri(base + ".well-known/void#target-" + Uris.hash(target, 8));
        g.add(ds, v("subset"), linkset);
        g.add(linkset, RDF.type.asNode(), v("Linkset"));
        g.add(linkset, v("subjectsTarget"), ds);
        g.add(linkset, v("objectsTarget"), other);
        g.add(linkset, v("linkPredicate"), predicate);
        g.add(linkset, v("triples"), row.get("links"));
        g.add(other, RDF.type.asNode(), v("Dataset"));
        g.add(other, v("uriSpace"), text(target));
    }

    private Binding[] rows(Query q) {
        try (QueryExec qe = QueryExec.dataset(site.dataset()).query(q).build()) {
            return Iter.toList(qe.select()).toArray(new Binding[0]);
        }
    }

    private static Node v(String local) { return uri(VOID + local); }

    private static Node d(String local) { return uri(DCAT + local); }

    private static Node uri(String iri) { return NodeFactory.createURI(iri); }

    private static Node text(String s) { return NodeFactory.createLiteralString(s); }
}
