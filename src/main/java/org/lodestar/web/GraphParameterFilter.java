package org.lodestar.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * {@code /kg/get?graph=…}: a graph name that is not an IRI (bad percent-encoding, spaces, a CR)
 * is the client's mistake, a 400; Fuseki's graph store answered it with a 500.
 */
final class GraphParameterFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String[] graphs;
        try {
            graphs = request.getParameterValues("graph");
        } catch (RuntimeException e) {
            Http.text((HttpServletResponse) response, HttpServletResponse.SC_BAD_REQUEST, "The query string is not valid percent-encoded UTF-8.\n");
            return;
        }
        if (graphs != null)
            for (String g : graphs)
                if (!g.equals("default") && !isIri(g)) {
                    Http.text((HttpServletResponse) response, HttpServletResponse.SC_BAD_REQUEST,
                            "graph= must be an IRI (or 'default'), as the SPARQL 1.1 Graph Store Protocol says.\n");
                    return;
                }
        chain.doFilter(request, response);
    }

    private static boolean isIri(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || "<>\"{}|\\^`".indexOf(c) >= 0 || Character.isISOControl(c))
                return false;
        }
        try {
            IRIx.create(s);
            return true;
        } catch (IRIException e) {
            return false;
        }
    }
}
