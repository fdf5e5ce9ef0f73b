package org.lodestar.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.security.Credential;

/**
 * The outermost handler of the server, before Jetty's authentication and Fuseki's servlets:
 * <ul>
 * <li>every answer says {@code X-Content-Type-Options: nosniff}, so that no browser reads a plain
 * text or JSON answer that echoes a parameter as HTML, 400s and 404s included;</li>
 * <li>wrong passwords on the update endpoint are counted per client address: after
 * {@link #MAX_WRONG} within {@link #WINDOW_MILLIS}, the address gets {@code 429} with
 * {@code Retry-After} until the window has passed, the right password included (otherwise a guesser
 * would learn it from the one answer that differs). Addresses are forgotten once their window has
 * passed ({@link WrongPasswords}), so the counts stay bounded however many addresses try.</li>
 * </ul>
 */
final class RequestGuard extends Handler.Wrapper {
    static final int MAX_WRONG = 5;
    static final long WINDOW_MILLIS = 60_000;

    private final String updatePath;
    private final Map<String, Credential> users;
    private final WrongPasswords wrong = new WrongPasswords(MAX_WRONG, WINDOW_MILLIS, System::currentTimeMillis);

    /** @param passwd the Jetty password file of the update endpoint; null when there is none */
    RequestGuard(Handler next, String updatePath, Path passwd) throws IOException {
        super(next);
        this.updatePath = updatePath;
        this.users = passwd == null ? Map.of() : users(passwd);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (!users.isEmpty() && updatePath.equals(Request.getPathInContext(request))) {
            String client = Request.getRemoteAddr(request);
            long retry = wrong.refusedFor(client);
            if (retry > 0) {
                response.setStatus(429);
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString((retry + 999) / 1000));
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
                Content.Sink.write(response, true, "Too many wrong passwords from this address; try again in "
                        + (retry + 999) / 1000 + " s.\n", callback);
                return true;
            }
            String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (auth != null && !valid(auth))
                wrong.wrongPassword(client);
        }
        return super.handle(request, response, callback);
    }

    private boolean valid(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6))
            return false;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        Credential c = colon < 0 ? null : users.get(decoded.substring(0, colon));
        return c != null && c.check(decoded.substring(colon + 1));
    }

    /** {@code user: password[, role…]} lines, as Jetty's password file has them (passwords may be OBF:, MD5:, CRYPT:). */
    private static Map<String, Credential> users(Path passwd) throws IOException {
        Map<String, Credential> users = new HashMap<>();
        for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
            String l = line.strip();
            int colon = l.indexOf(':');
            if (l.isEmpty() || l.startsWith("#") || colon < 1)
                continue;
            String password = l.substring(colon + 1).strip();
            int comma = password.indexOf(',');
            users.put(l.substring(0, colon).strip(), Credential.getCredential((comma < 0 ? password : password.substring(0, comma)).strip()));
        }
        return Map.copyOf(users);
    }

    /** Jetty's answers to requests it cannot parse (a bad URI, a header too large) carry nosniff too. */
    static final class Errors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            return super.handle(request, response, callback);
        }
    }
}
