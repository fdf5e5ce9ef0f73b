package org.lodestar.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;

/**
 * Serves one RDF description (the VoID, the ontology) at {@code path} with negotiation, and at
 * {@code path.ext} as one fixed format: alternates, Vary, Content-Location, validators, CORS.
 */
final class RdfResource {
    private RdfResource() {}

    /**
     * @param fixed  the format named by the path's extension, or null to negotiate
     * @param offers what may be negotiated, the default first
     * @param html   the HTML page when HTML is on offer, else null
     */
    static void serve(HttpServletRequest req, HttpServletResponse resp, Site site, String path, Format fixed,
                      List<Format> offers, Supplier<Graph> graph, Supplier<String> html) throws IOException {
        Http.cors(resp);
        ContentNegotiation conneg = new ContentNegotiation(offers);
        Http.alternates(path, offers).forEach(l -> resp.addHeader("Link", l));
        resp.addHeader("Link", "<" + EntityDocument.LICENSE + ">; rel=\"license\"");
        Format format = fixed;
        if (format == null) {
            resp.setHeader("Vary", "Accept");
            Optional<Format> chosen = conneg.choose(req.getHeader("Accept"));
            if (chosen.isEmpty()) {
                Http.notAcceptable(resp, req.getHeader("Accept"), conneg);
                return;
            }
            format = chosen.get();
            resp.setHeader("Content-Location", path + "." + format.extension());
        }
        Versions.DataVersion version = site.version();
        if (Http.validators(req, resp, Http.etag(version.hash(), Versions.code(), path, format.name()), version.modified()))
            return;
        if (format == Format.HTML) {
            Http.send(resp, HttpServletResponse.SC_OK, format.contentType(), html.get());
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdfOutput.write(graph.get(), format, out);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(format.contentType());
        resp.setContentLength(out.size());
        out.writeTo(resp.getOutputStream());
    }
}
