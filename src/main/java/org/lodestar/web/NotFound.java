package org.lodestar.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 404: an HTML page with a search box for browsers, plain text for everyone else. The RDF formats
 * are offered too, only so that a client that ranks them above HTML (Comunica's
 * {@code …text/turtle;q=0.6,…,text/html;q=0.2}) counts as the RDF client it is and gets text,
 * not the page that its q for HTML would otherwise win.
 */
final class NotFound {
    private static final ContentNegotiation CONNEG = new ContentNegotiation(List.of(Format.TEXT, Format.TURTLE, Format.JSONLD,
            Format.NTRIPLES, Format.RDFXML, Format.JSON, Format.HTML));

    private NotFound() {}

    /** @param hint words to put in the search box (already checked: a well-formed slug), or null */
    static void send(HttpServletRequest req, HttpServletResponse resp, String message, String hint) throws IOException {
        Http.cors(resp);
        resp.setHeader("Vary", "Accept");
        Format f = CONNEG.choose(req.getHeader("Accept")).orElse(Format.TEXT);
        if (f == Format.HTML) {
            Map<String, Object> scope = new HashMap<>();
            scope.put("message", message);
            scope.put("query", hint == null ? null : hint.replace('-', ' '));
            Http.send(resp, HttpServletResponse.SC_NOT_FOUND, Format.HTML.contentType(), Templates.render("notfound-page.html.mustache", scope));
        } else {
            Http.text(resp, HttpServletResponse.SC_NOT_FOUND, message + "\n");
        }
    }
}
