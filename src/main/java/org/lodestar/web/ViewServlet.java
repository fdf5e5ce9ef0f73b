package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lodestar.rdf.Uris;
import org.lodestar.view.EntityView;
import org.lodestar.view.Links;
import org.lodestar.view.StoredViews;
import org.lodestar.view.ViewFormat;
import org.lodestar.view.ViewOptions;
import org.lodestar.view.Views;

/**
 * {@code /view/{type}/{slug}[.txt|.json|.html][?group=TYPE&page=N&threshold=X]}: the ranked
 * neighbourhood view. With an extension the format is fixed; without one it is negotiated
 * ({@link ViewFormat#negotiate}: browsers get HTML, clients that accept anything get JSON, nothing
 * acceptable gets 406), and the answer says {@code Vary: Accept}. The type and slug are checked
 * against the ontology and the slug pattern before any query runs: anything else is 404, as is an
 * entity the graph does not hold. Wrong query parameters are 400. The similarity section shows the
 * links the server's {@code --similarity} mode names, from its threshold up unless {@code threshold} is given.
 *
 * <p>A view asked for with the server's default options, of an entity with many typed edges, is
 * rendered from its records in the document store ({@link StoredViews}) when the store was
 * rendered from the commit the request reads ({@code X-Cache: STORED}); every other view is made
 * now by the view's queries, and the response cache keeps it.
 */
public final class ViewServlet extends HttpServlet {
    private static final Pattern PATH = Pattern.compile("/([^/]+)/([^/.]+)(?:\\.([a-z]+))?");

    private final transient Site site;
    private final transient Views views;
    private final transient ViewOptions defaults;

    /** Views of the site's entities, showing the similarity links the server's mode names. */
    ViewServlet(Site site, ServerSettings settings) {
        this.site = site;
        this.views = new Views(site.store(), site.ontology(), settings.base());
        this.defaults = ViewOptions.defaults(settings.similarity());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher m = PATH.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!m.matches() || !views.isWellFormed(m.group(1), m.group(2))) {
            send(resp, HttpServletResponse.SC_NOT_FOUND, "No such view: " + req.getRequestURI() + "\n");
            return;
        }
        String type = m.group(1), slug = m.group(2), extension = m.group(3);
        Optional<ViewFormat> format;
        if (extension != null) {
            format = ViewFormat.forExtension(extension);
            if (format.isEmpty()) {
                send(resp, HttpServletResponse.SC_NOT_FOUND, "No such view: ." + extension + " is not one of .txt, .json, .html\n");
                return;
            }
        } else {
            resp.setHeader("Vary", "Accept");
            format = ViewFormat.negotiate(req.getHeader("Accept"));
            if (format.isEmpty()) {
                send(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "Not acceptable. This view is available as: "
                        + ViewFormat.offered() + " (e.g. Accept: application/json)\n");
                return;
            }
        }
        ViewOptions options;
        try {
            options = options(req);
        } catch (IllegalArgumentException e) {
            send(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage() + "\n");
            return;
        }
        ViewFormat chosen = format.get();
        String key = String.join("\n", "view", type, slug, options.toString(), chosen.name());
        String stored = StoredViews.serves(options, defaults) ? StoredViews.path(type, slug) : null;
        ResponseCache.Served served = site.rendered(key, stored,
                records -> rendered(StoredViews.read(records.body(), options), chosen),
                () -> views.find(type, slug, options).map(v -> rendered(v, chosen)).orElse(null));
        ResponseCache.Rendered view = served.rendered();
        if (view == null) {
            send(resp, HttpServletResponse.SC_NOT_FOUND, "No entity " + type + ":" + slug + "\n");
            return;
        }
        served.header(resp);
        respond(req, resp, type, slug, view.body(), chosen, extension == null);
    }

    private static ResponseCache.Rendered rendered(EntityView view, ViewFormat format) {
        return new ResponseCache.Rendered(Views.render(view, format).getBytes(StandardCharsets.UTF_8));
    }

    /** The view's type and slug are the request's: the entity's IRI is made of them. */
    private void respond(HttpServletRequest req, HttpServletResponse resp, String type, String slug, byte[] body,
                         ViewFormat format, boolean negotiated) throws IOException {
        String etag = "\"" + Uris.hash(format.name() + "\n" + new String(body, StandardCharsets.UTF_8), 32) + "\"";
        resp.setHeader("ETag", etag);
        resp.setHeader("Access-Control-Allow-Origin", "*");
        for (ViewFormat f : ViewFormat.values())
            if (f != format || negotiated)
                resp.addHeader("Link", "<" + Links.view(type, slug, f) + ">; rel=\"alternate\"; type=\""
                        + f.mediaType() + "\"");
        if (negotiated)
            resp.setHeader("Content-Location", Links.view(type, slug, format));
        if (etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(format.contentType());
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** {@code group}, {@code page} and {@code threshold}; the message names the parameter at fault. */
    private ViewOptions options(HttpServletRequest req) {
        String group = req.getParameter("group");
        if (group != null && !views.isGroup(group))
            throw new IllegalArgumentException("group: '" + group + "' is not the type key of a group");
        int page = 1;
        String p = req.getParameter("page");
        if (p != null) {
            try {
                page = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1)
                throw new IllegalArgumentException("page: '" + p + "' is not a whole number from 1");
        }
        BigDecimal threshold = defaults.threshold();
        String t = req.getParameter("threshold");
        if (t != null) {
            try {
                threshold = new BigDecimal(t);
            } catch (NumberFormatException e) {
                threshold = BigDecimal.TEN;
            }
            if (threshold.signum() < 0 || threshold.compareTo(BigDecimal.ONE) > 0)
                throw new IllegalArgumentException("threshold: '" + t + "' is not a number from 0 to 1");
        }
        return new ViewOptions(threshold, defaults.pageSize(), page, group, defaults.imported(), defaults.computed());
    }

    private static void send(HttpServletResponse resp, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
