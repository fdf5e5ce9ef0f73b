package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/** {@code /ns/context.jsonld}: the JSON-LD context every JSON-LD document here is compacted with. */
final class ContextServlet extends HttpServlet {
    private static final Instant LOADED = Instant.now();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.cors(resp);
        if (Http.validators(req, resp, Http.etag(Versions.code(), "context"), LOADED))
            return;
        Http.send(resp, HttpServletResponse.SC_OK, "application/ld+json; charset=utf-8", RdfOutput.CONTEXT);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) { Http.options(resp); }
}
