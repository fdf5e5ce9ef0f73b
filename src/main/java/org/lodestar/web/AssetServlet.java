package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.lodestar.rdf.Uris;

/**
 * {@code /assets/*}: the stylesheet, scripts and the bundled query editor, read from {@code static/}
 * inside the jar, so the site needs no network but the server's. Only names made of a few safe
 * characters are looked up, and only under that folder: a request never names another file.
 */
final class AssetServlet extends HttpServlet {
    static final String PATH = "/assets";
    // Possessive quantifiers, and the extension checked apart: a repeated greedy group recursed once
    // per path segment, and a path of thousands of segments overflowed the stack (a 500).
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*+(?:/[A-Za-z0-9][A-Za-z0-9_.-]*+)*+");
    private static final Pattern EXTENSION = Pattern.compile(".*\\.(css|js|txt)");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "txt", "text/plain; charset=utf-8");

    private record Asset(byte[] bytes, String type, String etag) {}

    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Optional<Asset> asset = NAME.matcher(name).matches() && EXTENSION.matcher(name).matches() && !name.contains("..") ? loaded.computeIfAbsent(name, AssetServlet::load)
                : Optional.empty();
        if (asset.isEmpty()) {
            Http.text(resp, HttpServletResponse.SC_NOT_FOUND, "No such asset\n");
            return;
        }
        Asset a = asset.get();
        resp.setHeader("ETag", a.etag());
        resp.setHeader("Cache-Control", "public, max-age=3600");
        if (a.etag().equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(a.type());
        resp.setContentLength(a.bytes().length);
        resp.getOutputStream().write(a.bytes());
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = AssetServlet.class.getResourceAsStream("/static/" + name)) {
            if (in == null)
                return Optional.empty();
            byte[] bytes = in.readAllBytes();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(bytes, TYPES.get(ext), "\"" + Uris.hash(bytes, 32) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
