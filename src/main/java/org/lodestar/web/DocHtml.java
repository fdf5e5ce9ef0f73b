package org.lodestar.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.view.Links;
import org.lodestar.view.PageChrome;

/**
 * The HTML of an entity's document, drawn from the same description graph as the RDF formats:
 * header, neighbours with the edge and its justification, backlinks, similar entities and links
 * to other datasets. Links between entities are root-relative {@code /doc/…} paths, so they work
 * on whatever host and port the server answers.
 */
final class DocHtml {
    private static final Pattern ID = Pattern.compile("([a-z]+):([a-z0-9]++(?:-[a-z0-9]++)*+)");
    private static final List<Node> LINKS_OUT = List.of(OWL2.sameAs.asNode(), SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode());

    private static final Map<String, String> NAMES = Map.of("ttl", "Turtle", "jsonld", "JSON-LD", "nt", "N-Triples", "rdf", "RDF/XML");

    private DocHtml() {}

    /** @param picture the neighbourhood picture's scope ({@link org.lodestar.view.NeighbourhoodPicture}), or null for none */
    static String render(EntityPath p, EntityDocument.Description d, Node entity, Ontology ontology, Map<String, Object> picture) {
        Graph g = d.graph();
        Map<String, Object> m = new HashMap<>();
        m.put("label", text(g, entity, RDFS.label.asNode()));
        m.put("typeKey", p.typeKey());
        m.put("status", text(g, entity, KG.status));
        m.put("id", p.id());
        m.put("uri", entity.getURI());
        m.put("view", org.lodestar.view.Links.view(p.typeKey(), p.slug()));
        m.put("description", text(g, entity, KG.description));
        List<Map<String, Object>> out = edges(g, entity, KG.source, KG.target, ontology);
        List<Map<String, Object>> in = edges(g, entity, KG.target, KG.source, ontology);
        m.put("outgoing", out);
        m.put("hasOutgoing", !out.isEmpty());
        m.put("incoming", in);
        m.put("hasIncoming", !in.isEmpty());
        m.put("next", d.hasNext() ? p.docPath(Format.HTML) + "?page=" + (d.page() + 1) : null);
        List<Map<String, Object>> similar = similar(g, entity);
        m.put("similar", similar);
        m.put("hasSimilar", !similar.isEmpty());
        List<Map<String, Object>> links = new ArrayList<>();
        for (Node rel : LINKS_OUT)
            g.find(entity, rel, Node.ANY).forEachRemaining(t -> links.add(Map.of(
                    "relation", rel.getLocalName(), "href", t.getObject().getURI())));
        m.put("links", links);
        m.put("hasLinks", !links.isEmpty());
        PageChrome.formats(m, Format.DOCUMENT.stream().filter(Format::isRdf).map(f -> Map.<String, Object>of("mediaType", f.mediaType(),
                "href", p.docPath(f), "name", NAMES.getOrDefault(f.extension(), f.extension()))).toList());
        String label = (String) m.get("label");
        PageChrome.entityCrumbs(m, p.typeKey(), ontology.classForKey(p.typeKey()).map(c -> c.heading()).orElse(p.typeKey()),
                label == null ? p.id() : label);
        m.put("editor", Links.editorAbout(entity.getURI()));
        m.put("picture", picture);
        m.put("license", EntityDocument.LICENSE);
        return Templates.render("doc-entity.html.mustache", m);
    }

    /** Edges with {@code entity} at {@code self}: the entity at {@code other}, the edge key, the justifications. */
    private static List<Map<String, Object>> edges(Graph g, Node entity, Node self, Node other, Ontology ontology) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, self, entity).toList()) {
            Node edge = t.getSubject();
            Node neighbour = object(g, edge, other);
            Node predicate = object(g, edge, KG.predicate);
            if (neighbour == null || predicate == null || neighbour.equals(entity))
                continue;
            List<String> why = new ArrayList<>();
            // In the order of the assertions' IRIs, not of the graph: the graph's order is the order
            // its triples were read in, which is the store's (TDB2's node ids, a remote store's rows).
            g.find(edge, KG.assertion, Node.ANY).mapWith(Triple::getObject).toList().stream().sorted(DocLookup::sparqlOrder).forEach(a -> {
                String j = text(g, a, KG.justification);
                if (j != null)
                    why.add(j);
            });
            Map<String, Object> row = neighbour(g, neighbour);
            row.put("edge", ontology.edgeForIri(predicate).map(e -> e.key()).orElse("linked to"));
            row.put("why", why.isEmpty() ? null : String.join(" · ", why));
            rows.add(row);
        }
        rows.sort(Comparator.comparing(r -> (String) r.get("edge") + "\u0000" + r.get("name") + "\u0000" + r.get("href")));
        return rows;
    }

    private static List<Map<String, Object>> similar(Graph g, Node entity) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, KG.element, entity).toList()) {
            Node link = t.getSubject();
            g.find(link, KG.element, Node.ANY).forEachRemaining(e -> {
                if (e.getObject().equals(entity))
                    return;
                Map<String, Object> row = neighbour(g, e.getObject());
                row.put("score", text(g, link, KG.score));
                rows.add(row);
            });
        }
        rows.sort(Comparator.comparing((Map<String, Object> r) -> r.get("score") == null ? "" : (String) r.get("score")).reversed()
                .thenComparing(r -> (String) r.get("name")).thenComparing(r -> String.valueOf(r.get("href"))));
        return rows;
    }

    private static Map<String, Object> neighbour(Graph g, Node n) {
        Map<String, Object> row = new HashMap<>();
        String label = text(g, n, RDFS.label.asNode());
        row.put("name", label == null ? n.toString() : label);
        String id = text(g, n, KG.identifier);
        var m = id == null ? null : ID.matcher(id);
        row.put("href", m != null && m.matches() ? new EntityPath(m.group(1), m.group(2), null).docPath() : null);
        return row;
    }

    private static Node object(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
    }

    private static String text(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).nextOptional().filter(t -> t.getObject().isLiteral())
                .map(t -> t.getObject().getLiteralLexicalForm()).orElse(null);
    }
}
