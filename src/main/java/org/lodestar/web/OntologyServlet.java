package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.lodestar.ontology.KG;

/**
 * {@code /ontology}: the Lodestar ontology, negotiated between the RDF formats and an HTML page
 * that documents every class and property (label, definition, type key or edge key, domain,
 * range, super-terms); {@code /ontology.ttl} and the other extensions give one format each.
 */
final class OntologyServlet extends HttpServlet {
    static final String PATH = "/ontology";
    private static final Node DEFINITION = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#definition");

    private final Site site;

    OntologyServlet(Site site) { this.site = site; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String uri = req.getRequestURI();
        String ext = uri.equals(PATH) ? "" : uri.substring(PATH.length() + 1);
        Format fixed = ext.isEmpty() ? null : Format.forExtension(ext, Format.DOCUMENT).orElse(null);
        if (!ext.isEmpty() && fixed == null) {
            NotFound.send(req, resp, "No such document.", null);
            return;
        }
        RdfResource.serve(req, resp, site, PATH, fixed, Format.DOCUMENT, () -> site.ontology().graph(), this::html);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) { Http.options(resp); }

    private String html() {
        Graph g = site.ontology().graph();
        Map<String, Object> m = new HashMap<>();
        Node ont = NodeFactory.createURI(KG.ONTOLOGY_IRI);
        m.put("title", literal(g, ont, NodeFactory.createURI("http://purl.org/dc/terms/title")));
        m.put("description", literal(g, ont, NodeFactory.createURI("http://purl.org/dc/terms/description")));
        m.put("iri", KG.ONTOLOGY_IRI);
        m.put("classes", terms(g, OWL2.Class.asNode()));
        List<Map<String, Object>> properties = new ArrayList<>();
        for (Node kind : List.of(OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode()))
            properties.addAll(terms(g, kind));
        properties.sort(Comparator.comparing(t -> (String) t.get("name")));
        m.put("properties", properties);
        m.put("formats", Format.DOCUMENT.stream().map(f -> Map.of("mediaType", f.mediaType(), "href", PATH + "." + f.extension(),
                "name", f.extension())).toList());
        org.lodestar.view.PageChrome.crumbs(m, List.of(org.lodestar.view.PageChrome.crumb("Home", "/"),
                org.lodestar.view.PageChrome.crumb("Ontology", null)));
        return Templates.render("ontology-page.html.mustache", m);
    }

    /** Every term of the kg: namespace declared with this rdf:type, by name. */
    private static List<Map<String, Object>> terms(Graph g, Node kind) {
        List<Map<String, Object>> terms = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, RDF.type.asNode(), kind).toList()) {
            Node term = t.getSubject();
            if (!term.isURI() || !term.getURI().startsWith(KG.NS))
                continue;
            Map<String, Object> m = new HashMap<>();
            m.put("name", "kg:" + term.getLocalName());
            m.put("anchor", term.getLocalName());
            m.put("iri", term.getURI());
            m.put("kind", kind.getLocalName());
            m.put("label", literal(g, term, RDFS.label.asNode()));
            m.put("definition", literal(g, term, DEFINITION));
            m.put("typeKey", literal(g, term, KG.typeKey));
            m.put("heading", literal(g, term, KG.heading));
            m.put("key", literal(g, term, KG.key));
            m.put("symmetric", g.contains(term, RDF.type.asNode(), OWL2.SymmetricProperty.asNode()));
            m.put("domain", names(g, term, RDFS.domain.asNode()));
            m.put("range", names(g, term, RDFS.range.asNode()));
            Set<String> supers = names(g, term, RDFS.subClassOf.asNode());
            supers.addAll(names(g, term, RDFS.subPropertyOf.asNode()));
            m.put("supers", supers.isEmpty() ? null : String.join(", ", supers));
            m.put("domainText", joined(m.get("domain")));
            m.put("rangeText", joined(m.get("range")));
            terms.add(m);
        }
        terms.sort(Comparator.comparing(t -> (String) t.get("name")));
        return terms;
    }

    private static String joined(Object names) {
        @SuppressWarnings("unchecked")
        Set<String> s = (Set<String>) names;
        return s.isEmpty() ? null : String.join(" ∪ ", s);
    }

    /** Named classes (or properties) that are objects of {@code p}, looking inside owl:unionOf. */
    private static Set<String> names(Graph g, Node s, Node p) {
        Set<String> names = new TreeSet<>();
        for (Triple t : g.find(s, p, Node.ANY).toList()) {
            Node o = t.getObject();
            if (o.isURI())
                names.add(curie(o));
            else
                g.find(o, OWL2.unionOf.asNode(), Node.ANY).forEachRemaining(u ->
                        GraphList.members(new GNode(g, u.getObject())).stream().filter(Node::isURI).forEach(n -> names.add(curie(n))));
        }
        return names;
    }

    private static String curie(Node n) {
        String iri = n.getURI();
        String prefix = RdfOutput.prefixes().qnameFor(iri);
        return prefix != null ? prefix : iri;
    }

    private static String literal(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).toList().stream().map(Triple::getObject).filter(Node::isLiteral)
                .map(Node::getLiteralLexicalForm).findFirst().orElse(null);
    }
}
