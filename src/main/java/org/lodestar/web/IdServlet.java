package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;

/**
 * {@code /id/{type}/{slug}}: the URI of a thing, not of a document. {@code 303 See Other} to its
 * description at {@code /doc/{type}/{slug}} when the entity exists (checked first, so a 303 is a
 * promise), {@code 301} to the current URI when this one was minted from a label before the page
 * gained an explicit id, {@code 404} otherwise; an ill-formed id is a 404 before any query runs.
 */
final class IdServlet extends HttpServlet {
    private final Site site;

    IdServlet(Site site) { this.site = site; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.cors(resp);
        Optional<EntityPath> parsed = EntityPath.parse(req.getPathInfo(), site.ontology()).filter(p -> p.extension() == null);
        if (parsed.isEmpty()) {
            NotFound.send(req, resp, "No such entity: the path is not /id/{type}/{slug} with a known type.", null);
            return;
        }
        EntityPath p = parsed.get();
        EntityDocument docs = new EntityDocument(site.dataset(), site.uris());
        Node entity = docs.entity(p);
        Optional<Node> target = Txn.calculateRead(site.dataset(),
                () -> docs.exists(entity) ? Optional.of(entity) : docs.replacement(entity));
        if (target.isEmpty()) {
            NotFound.send(req, resp, "No entity " + p.id() + " in this knowledge graph.", p.slug());
        } else if (target.get().equals(entity)) {
            resp.setHeader("Location", p.docPath());
            resp.setHeader("Cache-Control", Http.CACHE_CONTROL);
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        } else {
            resp.setHeader("Location", target.get().getURI());
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        }
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        Http.options(resp);
    }
}
