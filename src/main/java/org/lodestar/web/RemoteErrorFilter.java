package org.lodestar.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.Fuseki;
import org.lodestar.store.RemoteEndpoint;
import org.lodestar.store.RemoteFailure;

/**
 * Over a remote store, a request whose answer the store failed to give gets 502 or 504 with one
 * line of plain text naming the store, as a gateway answers, instead of a 500 with a stack trace
 * or a wait without end.
 */
final class RemoteErrorFilter implements Filter {
    private final RemoteEndpoint endpoint;

    RemoteErrorFilter(RemoteEndpoint endpoint) { this.endpoint = endpoint; }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            var failure = RemoteFailure.of(e, endpoint);
            if (failure.isEmpty())
                throw e;
            Fuseki.serverLog.warn(failure.get().message());
            HttpServletResponse resp = (HttpServletResponse) response;
            if (resp.isCommitted())
                throw e;
            resp.reset();
            resp.setStatus(failure.get().status());
            resp.setContentType("text/plain;charset=utf-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.getOutputStream().write((failure.get().message() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
