package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;

/**
 * {@code /doc/{type}/{slug}}: the description of an entity, negotiated between Turtle, JSON-LD,
 * N-Triples, RDF/XML and HTML ({@link ContentNegotiation}); {@code /doc/{type}/{slug}.ttl} (and
 * {@code .jsonld .nt .rdf .html}) is one fixed representation. Every answer carries the
 * alternates with their own media types, the licence, a strong ETag made of the data version,
 * the code version, the path and the format, Last-Modified from the build, and CORS headers;
 * negotiated answers add {@code Vary: Accept} and {@code Content-Location}. Backlinks are paged
 * with {@code ?page=n}. The first page of Turtle, which {@link DocStore} keeps deflated, is sent in
 * the {@code deflate} coding to a client that names it, with a weak ETag of its own and
 * {@code Vary: Accept-Encoding}.
 */
final class DocServlet extends HttpServlet {
    static final ContentNegotiation CONNEG = new ContentNegotiation(Format.DOCUMENT);
    private static final int MAX_PAGE = 100_000;

    private final Site site;

    DocServlet(Site site) { this.site = site; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.cors(resp);
        Optional<EntityPath> parsed = EntityPath.parse(req.getPathInfo(), site.ontology());
        Optional<Format> fixed = parsed.filter(p -> p.extension() != null)
                .flatMap(p -> Format.forExtension(p.extension(), Format.DOCUMENT));
        if (parsed.isEmpty() || (parsed.get().extension() != null && fixed.isEmpty())) {
            NotFound.send(req, resp, "No such document: the path is not /doc/{type}/{slug}[.ttl|.jsonld|.nt|.rdf|.html].", null);
            return;
        }
        EntityPath p = parsed.get();
        int page = page(req.getParameter("page"));
        if (page < 1) {
            Http.text(resp, HttpServletResponse.SC_BAD_REQUEST, "page must be a whole number from 1 to " + MAX_PAGE + "\n");
            return;
        }
        EntityDocument docs = new EntityDocument(site.dataset(), site.uris());
        Node entity = docs.entity(p);
        Optional<Node> current = Txn.calculateRead(site.dataset(),
                () -> docs.exists(entity) ? Optional.of(entity) : docs.replacement(entity));
        if (current.isEmpty()) {
            NotFound.send(req, resp, "No entity " + p.id() + " in this knowledge graph.", p.slug());
            return;
        }
        if (!current.get().equals(entity)) {
            String slug = current.get().getURI().substring(current.get().getURI().lastIndexOf('/') + 1);
            EntityPath moved = p.withSlug(slug);
            resp.setHeader("Location", fixed.map(moved::docPath).orElse(moved.docPath()));
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            return;
        }
        Format format;
        if (fixed.isPresent()) {
            format = fixed.get();
        } else {
            resp.setHeader("Vary", "Accept");
            Optional<Format> chosen = CONNEG.choose(req.getHeader("Accept"));
            if (chosen.isEmpty()) {
                links(resp, p);
                Http.notAcceptable(resp, req.getHeader("Accept"), CONNEG);
                return;
            }
            format = chosen.get();
            resp.setHeader("Content-Location", p.docPath(format) + (page > 1 ? "?page=" + page : ""));
        }
        links(resp, p);
        String stored = page == 1 && format == DocStore.FORMAT ? p.docPath() : null;
        // What the store keeps is deflated already, so a client that takes that coding is sent it as
        // it is; each coding is its own representation, with its own ETag.
        boolean deflate = stored != null && Http.acceptsDeflate(req);
        if (stored != null)
            resp.setHeader("Vary", fixed.isPresent() ? "Accept-Encoding" : "Accept, Accept-Encoding");
        Versions.DataVersion version = site.version();
        List<String> representation = List.of(p.docPath(), Integer.toString(page), format.name());
        List<String> validated = new ArrayList<>(List.of(version.hash(), Versions.code()));
        validated.addAll(representation);
        if (deflate)
            validated.addAll(List.of("deflate", Zlib.FINGERPRINT));
        // weak when deflated: another zlib may deflate the same body to other bytes, and a strong validator names bytes
        String etag = (deflate ? "W/" : "") + Http.etag(validated.toArray(String[]::new));
        if (Http.validators(req, resp, etag, version.modified()))
            return;
        // The key names the request; the cache adds the commit it reads (the ETag's data version does
        // not change with a SPARQL update).
        ResponseCache.Served served = site.rendered("doc\n" + String.join("\n", representation),
                stored, () -> render(p, docs.describe(p, page), entity, format));
        ResponseCache.Rendered rendered = served.rendered();
        served.header(resp);
        rendered.links().forEach(l -> resp.addHeader("Link", l));
        byte[] body = deflate ? rendered.deflated() : rendered.body();
        if (deflate)
            resp.setHeader("Content-Encoding", "deflate");
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(format.contentType());
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        Http.options(resp);
    }

    private ResponseCache.Rendered render(EntityPath p, EntityDocument.Description d, Node entity, Format format) {
        if (format == Format.HTML)
            return new ResponseCache.Rendered(html(p, d, entity).getBytes(StandardCharsets.UTF_8), next(p, d));
        return rdf(p, d, format);
    }

    /** An RDF representation of a description, as this servlet answers it ({@link DocStore} keeps them ahead). */
    static ResponseCache.Rendered rdf(EntityPath p, EntityDocument.Description d, Format format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RdfOutput.write(d.graph(), format, out);
            return new ResponseCache.Rendered(out.toByteArray(), next(p, d));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> next(EntityPath p, EntityDocument.Description d) {
        return d.hasNext() ? List.of("<" + p.docPath() + "?page=" + (d.page() + 1) + ">; rel=\"next\"") : List.of();
    }

    /** The entity page. When the ranked view lands, this is the one call to swap for its renderer. */
    private String html(EntityPath p, EntityDocument.Description d, Node entity) {
        return DocHtml.render(p, d, entity, site.ontology());
    }

    private static void links(HttpServletResponse resp, EntityPath p) {
        List<String> links = new ArrayList<>(Http.alternates(p.docPath(), Format.DOCUMENT));
        links.add("<" + EntityDocument.LICENSE + ">; rel=\"license\"");
        links.add("<" + p.idPath() + ">; rel=\"describes\"");
        links.forEach(l -> resp.addHeader("Link", l));
    }

    /** The page number, or -1 when it is not a whole number in range (absent means 1). */
    private static int page(String value) {
        if (value == null)
            return 1;
        if (!value.matches("[0-9]{1,6}"))
            return -1;
        int n = Integer.parseInt(value);
        return n >= 1 && n <= MAX_PAGE ? n : -1;
    }
}
