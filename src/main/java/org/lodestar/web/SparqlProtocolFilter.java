package org.lodestar.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * In front of Fuseki's SPARQL endpoints: answers what Fuseki does not, and refuses what the SPARQL
 * 1.1 Protocol says is malformed before Fuseki sees it, with a 4xx and a message that says why.
 * <ul>
 * <li>{@code GET} or {@code HEAD} on a query endpoint with no query string: the SPARQL 1.1
 *     Service Description, negotiated between the RDF formats (Turtle by default).</li>
 * <li>A POST whose body says it is in a charset other than UTF-8: 415 (the protocol allows UTF-8
 *     only; stock Fuseki reads ISO-8859-1 queries as if they were UTF-8).</li>
 * <li>An update that names its dataset both in the protocol ({@code using-graph-uri},
 *     {@code using-named-graph-uri}) and in the request ({@code USING}, {@code USING NAMED},
 *     {@code WITH}): 400, as SPARQL 1.1 Protocol §2.2.3 says. Stock Fuseki answers 500.</li>
 * <li>CORS on the query endpoints (every answer, and OPTIONS preflights for GET and POST), so
 *     that pages elsewhere can query; not on the update endpoint.</li>
 * <li>{@code output}, {@code format} and {@code results} parameters in the words other clients use
 *     ({@code format=rdf+xml}, {@code format=n3} from SPARQLWrapper) put into Fuseki's, so that
 *     CONSTRUCT and DESCRIBE answer in every graph format Fuseki writes ({@link FormatParameters}).</li>
 * <li>After an update that succeeded: a new data version, so that the ETags and Last-Modified of
 *     documents, VoID and the dump change with the data ({@link Versions#recordUpdate}).</li>
 * </ul>
 * Everything else passes through to Fuseki unchanged; a request whose body this filter reads is
 * passed on with the same bytes.
 */
final class SparqlProtocolFilter implements Filter {
    private static final ContentNegotiation CONNEG = new ContentNegotiation(Format.RDF);

    private final Site site;

    SparqlProtocolFilter(Site site) { this.site = site; }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String method = req.getMethod();
        if (isQueryEndpoint(req)) {
            Http.cors(resp);
            if (method.equals("OPTIONS")) {
                Http.options(resp);
                resp.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
                resp.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
                resp.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, If-None-Match, If-Modified-Since");
                return;
            }
        }
        if ((method.equals("GET") || method.equals("HEAD")) && isQueryEndpoint(req) && emptyQueryString(req)) {
            serviceDescription(req, resp);
            return;
        }
        String charset = method.equals("POST") ? charset(req) : null;
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            Http.text(resp, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "SPARQL requests are UTF-8 (SPARQL 1.1 Protocol, 2.1 and 2.2);"
                    + " this one says charset=" + charset.replaceAll("[^A-Za-z0-9._-]", "?") + ".\n");
            return;
        }
        if (method.equals("POST") && !isQueryEndpoint(req) && hasProtocolDataset(req)) {
            BufferedRequest buffered = new BufferedRequest(req);
            String conflict = datasetConflict(buffered);
            if (conflict != null) {
                Http.text(resp, HttpServletResponse.SC_BAD_REQUEST, conflict + "\n");
                return;
            }
            req = buffered;
        }
        // Jetty has authenticated the request by now (the update endpoint requires a user); the
        // check keeps an anonymous POST from making the server render everything again, should that change.
        if (isQueryEndpoint(req))
            req = FormatParameters.of(req);
        boolean update = method.equals("POST") && isUpdateEndpoint(req) && req.getUserPrincipal() != null;
        if (update)
            site.docs().beginWrite();
        try {
            chain.doFilter(req, resp);
            if (method.equals("POST") && isUpdateEndpoint(req) && resp.getStatus() / 100 == 2)
                Versions.recordUpdate(site.writes(), site.uris().derivedGraph());
        } finally {
            if (update)
                site.docs().endWrite();
        }
    }

    private static String charset(HttpServletRequest req) {
        String ct = req.getContentType();
        return ct == null ? null : MediaType.create(ct).getCharset();
    }

    private static boolean hasProtocolDataset(HttpServletRequest req) {
        return req.getParameterValues("using-graph-uri") != null || req.getParameterValues("using-named-graph-uri") != null;
    }

    /** The message for a dataset given twice, or null; an update that does not parse is left to Fuseki's 400. */
    private static String datasetConflict(BufferedRequest req) {
        String text = req.updateText();
        if (text == null)
            return null;
        UpdateRequest update;
        try {
            update = UpdateFactory.create(text);
        } catch (RuntimeException e) {
            return null;
        }
        for (Update op : update.getOperations())
            if (op instanceof UpdateWithUsing u && (!u.getUsing().isEmpty() || !u.getUsingNamed().isEmpty() || u.getWithIRI() != null))
                return "The update names its dataset with USING, USING NAMED or WITH, and the request also gives "
                        + "using-graph-uri or using-named-graph-uri: give the dataset in one place only (SPARQL 1.1 Protocol, 2.2.3).";
        return null;
    }

    private static boolean isQueryEndpoint(HttpServletRequest req) {
        return !isUpdateEndpoint(req);
    }

    private static boolean isUpdateEndpoint(HttpServletRequest req) {
        return req.getRequestURI().endsWith("/update");
    }

    private static boolean emptyQueryString(HttpServletRequest req) {
        return req.getQueryString() == null || req.getQueryString().isEmpty();
    }

    private void serviceDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        Optional<Format> f = CONNEG.choose(req.getHeader("Accept"));
        if (f.isEmpty()) {
            Http.notAcceptable(resp, req.getHeader("Accept"), CONNEG);
            return;
        }
        String endpoint = req.getRequestURL().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdfOutput.write(ServiceDescription.describe(NodeFactory.createBlankNode(), NodeFactory.createURI(endpoint), site.dataset()), f.get(), out);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(f.get().contentType());
        resp.setContentLength(out.size());
        if (!req.getMethod().equals("HEAD"))
            out.writeTo(resp.getOutputStream());
    }
}
