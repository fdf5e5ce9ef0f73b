package org.lodestar.store;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

/**
 * What went wrong between this server and a remote store, as a gateway says it: 504 when the store
 * did not answer in time, 502 when it could not be reached or answered with an error. The message
 * is one line that names the store and never carries its credentials.
 */
public record RemoteFailure(int status, String message) {
    /** The failure an exception (or one of its causes) reports, if it is one of the remote store's. */
    public static Optional<RemoteFailure> of(Throwable thrown, RemoteEndpoint endpoint) {
        String where = "the SPARQL store at " + endpoint.url();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException)
                return Optional.of(new RemoteFailure(504, where + " did not accept a connection within " + endpoint.connectMillis() + " ms"));
            if (t instanceof HttpTimeoutException)
                return Optional.of(new RemoteFailure(504, where + " did not answer within " + endpoint.queryMillis() + " ms"));
            if (t instanceof ConnectException)
                return Optional.of(new RemoteFailure(502, where + " refused the connection (is it running?)"));
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException)
                return Optional.of(new RemoteFailure(502, where + ": unknown host"));
            if (t instanceof QueryExceptionHTTP h && h.getStatusCode() > 0)
                return Optional.of(new RemoteFailure(502, where + " answered " + h.getStatusCode()
                        + (h.getStatusCode() == 401 || h.getStatusCode() == 403 ? " (credentials refused or missing)" : "")));
            if (t instanceof org.apache.jena.atlas.web.HttpException h && h.getStatusCode() > 0)
                return Optional.of(new RemoteFailure(502, where + " answered " + h.getStatusCode()
                        + (h.getStatusCode() == 401 || h.getStatusCode() == 403 ? " (credentials refused or missing)" : "")));
            if (t instanceof java.io.IOException io && t.getCause() == null)
                return Optional.of(new RemoteFailure(502, where + ": " + io.getMessage()));
        }
        return Optional.empty();
    }
}
