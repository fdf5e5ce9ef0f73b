package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/** How crawlers find the entity pages: {@code /sitemap.xml} and {@code /robots.txt}. */
final class DiscoveryServlets {
    private static final Pattern ID = Pattern.compile("([a-z]+):([a-z0-9]++(?:-[a-z0-9]++)*+)");

    private DiscoveryServlets() {}

    /** Every entity's page, with the build time as {@code lastmod}. Absolute URLs under the base, as sitemaps require. */
    static final class Sitemap extends HttpServlet {
        private final Site site;

        Sitemap(Site site) { this.site = site; }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Http.cors(resp);
            Versions.DataVersion version = site.version();
            if (Http.validators(req, resp, Http.etag(version.hash(), Versions.code(), "sitemap"), version.modified()))
                return;
            String lastmod = version.modified().truncatedTo(ChronoUnit.SECONDS).toString();
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String id : ids()) {
                var m = ID.matcher(id);
                if (!m.matches())
                    continue;
                String loc = site.uris().base() + new EntityPath(m.group(1), m.group(2), null).docPath().substring(1);
                xml.append("  <url><loc>").append(escape(loc)).append("</loc><lastmod>").append(lastmod).append("</lastmod></url>\n");
            }
            xml.append("</urlset>\n");
            Http.send(resp, HttpServletResponse.SC_OK, "application/xml; charset=utf-8", xml.toString());
        }

        private List<String> ids() {
            return Txn.calculateRead(site.dataset(), () -> {
                List<String> ids = new ArrayList<>();
                try (QueryExec qe = QueryExec.dataset(site.dataset()).query(Queries.get("sitemap-entities")).build()) {
                    qe.select().forEachRemaining(b -> ids.add(b.get("id").getLiteralLexicalForm()));
                }
                return ids;
            });
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
        }
    }

    /** Crawl the pages, not the SPARQL endpoint; the sitemap lists them. */
    static final class Robots extends HttpServlet {
        private final Site site;

        Robots(Site site) { this.site = site; }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Http.cors(resp);
            resp.setHeader("Cache-Control", Http.CACHE_CONTROL);
            Http.text(resp, HttpServletResponse.SC_OK, "User-agent: *\nDisallow: /kg/\nAllow: /\n\nSitemap: "
                    + site.uris().base() + "sitemap.xml\n");
        }
    }
}
