package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The other IRIs minted under the base, so that a client following links never meets a 404:
 * qualified edges ({@code /edge/{h}}) and their assertions ({@code /edge/{h}/{a}}), similarity
 * links ({@code /similarity/{h}}, {@code /similarity/computed/{h}}) and named graphs
 * ({@code /graph/seed/{file}}, {@code /graph/ontology}, {@code /graph/derived}, {@code /graph/links}).
 *
 * <p>They are described where they are minted, with {@code 200}: unlike an entity, which is a thing
 * with a document about it ({@code /id} → {@code 303} → {@code /doc}), each of these is a record
 * of the data, and its description is all there is of it. Minting them as fragments of the
 * entities' documents instead would have renamed every edge and link in every database. The
 * description is negotiated as {@code /doc} is (Turtle, JSON-LD, N-Triples, RDF/XML, HTML; a
 * {@code .ttl} or other extension fixes one) and holds:
 * <ul>
 * <li>every triple about the resource, from every graph; and the triples of each resource it
 * points to that is minted below it (an edge's assertions);</li>
 * <li>the triples that point to it from the resource it is minted below (the edge of an
 * assertion), so a client can go back up;</li>
 * <li>the class, label and identifier of each entity named, as {@code /doc} gives them;</li>
 * <li>for a named graph, its own triples (a page's digests, the derived graph's settings) and
 * where its content is: {@code rdfs:seeAlso} the graph store protocol's {@code /kg/get?graph=…}.</li>
 * </ul>
 */
final class MintedServlet extends HttpServlet {
    /** The URL spaces this servlet answers, each mapped as {@code PREFIX/*}. */
    static final List<String> PREFIXES = List.of("/edge", "/similarity", "/graph");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,64}");

    private final Site site;

    MintedServlet(Site site) { this.site = site; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        Optional<Target> target = Txn.calculateRead(site.dataset(), () -> find(path));
        if (target.isEmpty()) {
            NotFound.send(req, resp, "Nothing named " + site.uris().base() + path.substring(1)
                    + " in this knowledge graph.", null);
            return;
        }
        Target t = target.get();
        RdfResource.serve(req, resp, site, t.path(), t.format(), Format.DOCUMENT,
                () -> Txn.calculateRead(site.dataset(), () -> describe(t.resource(), t.graphName())),
                () -> html(t.resource(), Txn.calculateRead(site.dataset(), () -> describe(t.resource(), t.graphName()))));
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) { Http.options(resp); }

    /** @param path the resource's own path (without an extension); @param format null to negotiate */
    private record Target(Node resource, String path, Format format, boolean graphName) {}

    /** What the request path names, if it exists: the path itself, else the path less a format's extension. */
    private Optional<Target> find(String path) {
        Optional<Target> exact = existing(path, null);
        if (exact.isPresent())
            return exact;
        int dot = path.lastIndexOf('.');
        if (dot <= path.lastIndexOf('/'))
            return Optional.empty();
        Optional<Format> fixed = Format.forExtension(path.substring(dot + 1), Format.DOCUMENT);
        return fixed.isEmpty() ? Optional.empty() : existing(path.substring(0, dot), fixed.get());
    }

    private Optional<Target> existing(String path, Format format) {
        if (!wellFormed(path))
            return Optional.empty();
        Node resource = NodeFactory.createURI(site.uris().base() + path.substring(1));
        if (path.startsWith("/graph/")) {
            return site.dataset().containsGraph(resource) ? Optional.of(new Target(resource, path, format, true)) : Optional.empty();
        }
        return new DocLookup(site.dataset()).contains(resource, Node.ANY, Node.ANY)
                ? Optional.of(new Target(resource, path, format, false)) : Optional.empty();
    }

    /** Only the shapes {@link org.lodestar.rdf.Uris} mints: anything else is a 404 before a lookup. */
    private static boolean wellFormed(String path) {
        String[] parts = path.substring(1).split("/", -1);
        return switch (parts[0]) {
            case "edge" -> (parts.length == 2 || parts.length == 3) && allHex(parts, 1);
            case "similarity" -> parts.length == 2 && allHex(parts, 1)
                    || parts.length == 3 && parts[1].matches("[a-z]+") && allHex(parts, 2);
            case "graph" -> (parts.length == 2 || parts.length == 3 && parts[1].equals("seed"))
                    && !parts[parts.length - 1].isEmpty();
            default -> false;
        };
    }

    private static boolean allHex(String[] parts, int from) {
        for (int i = from; i < parts.length; i++)
            if (!HEX.matcher(parts[i]).matches())
                return false;
        return true;
    }

    /** Called in a read transaction. */
    private Graph describe(Node resource, boolean graphName) {
        DocLookup lookup = new DocLookup(site.dataset());
        Graph g = GraphFactory.createDefaultGraph();
        Set<Node> named = new LinkedHashSet<>();
        String below = resource.getURI() + "/";
        for (Triple t : lookup.about(resource)) {
            g.add(t);
            named.add(t.getObject());
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(below))
                for (Triple u : lookup.about(t.getObject())) {
                    g.add(u);
                    named.add(u.getObject());
                }
        }
        String uri = resource.getURI();
        int slash = uri.lastIndexOf('/');
        Node parent = NodeFactory.createURI(uri.substring(0, slash));
        if (!graphName && parent.getURI().length() > site.uris().base().length())
            lookup.find(parent, Node.ANY, resource, t -> {
                g.add(t);
                named.add(t.getSubject());
            });
        if (graphName)
            g.add(resource, RDFS.seeAlso.asNode(), NodeFactory.createURI(site.uris().base() + "kg/get?graph="
                    + IRILib.encodeUriComponent(resource.getURI())));
        for (Node n : named)
            lookup.addSummary(n, g);
        return g;
    }

    private String html(Node resource, Graph g) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Triple> triples = new ArrayList<>(g.find().toList());
        triples.sort(Comparator.comparing((Triple t) -> !t.getSubject().equals(resource))
                .thenComparing(t -> t.getSubject().toString()).thenComparing(t -> t.getPredicate().getURI()));
        for (Triple t : triples) {
            Map<String, Object> row = new HashMap<>();
            row.put("subject", t.getSubject().equals(resource) ? null : name(t.getSubject()));
            row.put("subjectHref", href(t.getSubject()));
            row.put("predicate", name(t.getPredicate()));
            row.put("predicateHref", href(t.getPredicate()));
            row.put("value", name(t.getObject()));
            row.put("href", href(t.getObject()));
            rows.add(row);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("iri", resource.getURI());
        m.put("type", g.find(resource, RDF.type.asNode(), Node.ANY).toList().stream().map(t -> name(t.getObject())).findFirst().orElse(null));
        m.put("rows", rows);
        return Templates.render("minted-page.html.mustache", m);
    }

    private static String name(Node n) {
        if (n.isLiteral())
            return n.getLiteralLexicalForm();
        if (n.isURI()) {
            String q = RdfOutput.prefixes().qnameFor(n.getURI());
            return q != null ? q : n.getURI();
        }
        return "_:" + n.getBlankNodeLabel();
    }

    private static String href(Node n) {
        return n.isURI() && (n.getURI().startsWith("http://") || n.getURI().startsWith("https://")) ? n.getURI() : null;
    }
}
