package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.lodestar.ontology.EntityClass;
import org.lodestar.search.EntitySearch;
import org.lodestar.search.SearchHit;
import org.lodestar.search.SearchIndex;

/**
 * {@code /search?q=&class=}: entities ranked by how well their label, description and
 * justifications match the words (HTML for browsers, JSON otherwise); with a class and no words, the
 * best connected of that class. {@code /search/suggest?q=}: labels as one types, for the header's
 * search box. Both ask the search index when it holds the data being served, and otherwise SPARQL
 * over labels ({@code search-labels.rq}, the text bound as a literal), while the index is made again:
 * the index makes answers better and faster, never possible. {@code X-Search} says which answered.
 */
final class SearchServlet extends HttpServlet {
    static final int MAX_QUERY = 200;
    static final int RESULTS = 50;
    static final int SUGGESTIONS = 8;
    private static final ContentNegotiation CONNEG = new ContentNegotiation(List.of(Format.JSON, Format.HTML));
    private static final Pattern ID = Pattern.compile("([a-z]+):([a-z0-9]++(?:-[a-z0-9]++)*+)");

    private final Site site;
    private final SearchIndex index;
    private final boolean suggest;

    SearchServlet(Site site, SearchIndex index, boolean suggest) {
        this.site = site;
        this.index = index;
        this.suggest = suggest;
    }

    static void register(org.apache.jena.fuseki.main.FusekiServer.Builder builder, Site site, SearchIndex index) {
        builder.addServlet("/search", new SearchServlet(site, index, false));
        builder.addServlet("/search/suggest", new SearchServlet(site, index, true));
    }

    /** What one search found, and what found it: {@code index}, {@code labels} (SPARQL) or {@code class} (a class's list). */
    private record Found(List<SearchHit> hits, String by) {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.cors(resp);
        resp.setHeader("Vary", "Accept");
        Format f = suggest ? Format.JSON : CONNEG.choose(req.getHeader("Accept")).orElse(Format.JSON);
        String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
        if (q.length() > MAX_QUERY) {
            Http.text(resp, HttpServletResponse.SC_BAD_REQUEST, "q is longer than " + MAX_QUERY + " characters\n");
            return;
        }
        String type = req.getParameter("class");
        if (type != null && type.isEmpty())
            type = null;
        Optional<EntityClass> cls = type == null ? Optional.empty() : site.ontology().classForKey(type);
        if (type != null && (cls.isEmpty() || !cls.get().hasGroup())) {
            Http.text(resp, HttpServletResponse.SC_BAD_REQUEST, "class is not a class of the ontology: use one of "
                    + String.join(", ", site.ontology().groupClasses().stream().map(EntityClass::typeKey).toList()) + "\n");
            return;
        }
        Found found;
        if (q.isEmpty())
            found = cls.isPresent() && !suggest ? new Found(hubs(cls.get()), "class") : new Found(List.of(), "labels");
        else
            found = search(q, type, suggest ? SUGGESTIONS : RESULTS);
        resp.setHeader("Cache-Control", Http.CACHE_CONTROL);
        resp.setHeader("X-Search", found.by());
        if (f == Format.HTML) {
            Http.send(resp, HttpServletResponse.SC_OK, Format.HTML.contentType(), page(q, cls.orElse(null), found.hits()));
            return;
        }
        JsonArray results = new JsonArray();
        for (SearchHit h : found.hits()) {
            JsonObject o = new JsonObject();
            o.put("id", h.id());
            o.put("label", h.label());
            o.put("type", h.type());
            o.put("uri", h.uri());
            o.put("page", href(h));
            if (!suggest && h.description() != null)
                o.put("description", h.description());
            results.add(o);
        }
        JsonObject body = new JsonObject();
        body.put("q", q);
        if (type != null)
            body.put("class", type);
        body.put("results", results);
        Http.send(resp, HttpServletResponse.SC_OK, Format.JSON.contentType(), body.toString() + "\n");
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) { Http.options(resp); }

    private String page(String q, EntityClass cls, List<SearchHit> hits) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("query", q);
        boolean listing = q.isEmpty() && cls != null;
        scope.put("searched", !q.isEmpty() || listing);
        scope.put("listing", listing);
        scope.put("heading", listing ? cls.heading() : "Search");
        scope.put("className", cls == null ? null : cls.heading());
        scope.put("none", (!q.isEmpty() || listing) && hits.isEmpty());
        scope.put("count", hits.size());
        scope.put("capped", hits.size() >= RESULTS);
        scope.put("hits", hits.stream().map(h -> {
            Map<String, Object> m = new HashMap<>();
            m.put("href", href(h));
            m.put("label", h.label());
            m.put("type", h.type());
            m.put("snippet", snippet(h.description()));
            m.put("degree", h.degree() > 0 ? h.degree() : null);
            return m;
        }).toList());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (EntityClass c : site.ontology().groupClasses())
            classes.add(Map.of("key", c.typeKey(), "name", c.heading(), "selected", cls != null && cls.equals(c)));
        scope.put("classes", classes);
        List<Map<String, Object>> crumbs = new ArrayList<>(List.of(org.lodestar.view.PageChrome.crumb("Home", "/")));
        if (listing)
            crumbs.add(org.lodestar.view.PageChrome.crumb(cls.heading(), null));
        else
            crumbs.add(org.lodestar.view.PageChrome.crumb("Search", null));
        org.lodestar.view.PageChrome.crumbs(scope, crumbs);
        org.lodestar.view.PageChrome.formats(scope, List.of());
        return Templates.render("search-page.html.mustache", scope);
    }

    /** The first sentence or so of a description. */
    static String snippet(String description) {
        if (description == null)
            return null;
        if (description.length() <= 240)
            return description;
        int cut = description.lastIndexOf(' ', 240);
        return description.substring(0, cut > 160 ? cut : 240) + " …";
    }

    private static String href(SearchHit h) {
        var m = ID.matcher(h.id());
        return m.matches() ? new EntityPath(m.group(1), m.group(2), null).docPath() : null;
    }

    private String stamp() {
        return SearchIndex.stamp(site.version().hash(), site.uris().base());
    }

    private Found search(String q, String type, int limit) {
        Optional<IndexSearcher> searcher = index.searcher(stamp());
        if (searcher.isPresent()) {
            try {
                return new Found(EntitySearch.find(searcher.get(), q, type, limit, suggest), "index");
            } catch (AlreadyClosedException e) {
                // replaced by a newer index while this search ran: SPARQL answers this once
            }
        } else {
            index.refresh(site.dataset(), this::stamp);
        }
        List<SearchHit> hits = labels(q).stream().filter(h -> type == null || type.equals(h.type())).limit(limit).toList();
        return new Found(hits, "labels");
    }

    private List<SearchHit> labels(String q) {
        return Txn.calculateRead(site.dataset(), () -> {
            List<SearchHit> hits = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(site.dataset()).query(Queries.get("search-labels"))
                    .substitution("q", NodeFactory.createLiteralString(q)).build()) {
                qe.select().forEachRemaining(b -> {
                    String id = b.get("id").getLiteralLexicalForm();
                    var m = ID.matcher(id);
                    if (m.matches())
                        hits.add(new SearchHit(b.get("entity").getURI(), id, m.group(1), b.get("label").getLiteralLexicalForm(),
                                null, Long.parseLong(b.get("degree").getLiteralLexicalForm())));
                });
            }
            return hits;
        });
    }

    private List<SearchHit> hubs(EntityClass cls) {
        return hubs(site, cls, RESULTS);
    }

    /** The {@code limit} best connected entities of {@code cls} ({@code class-hubs.rq}). */
    static List<SearchHit> hubs(Site site, EntityClass cls, int limit) {
        Query query = Queries.get("class-hubs").cloneQuery();
        query.setLimit(limit);
        return Txn.calculateRead(site.dataset(), () -> {
            List<SearchHit> hits = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(site.dataset()).query(query).substitution("class", cls.iri()).build()) {
                qe.select().forEachRemaining(b -> {
                    String id = b.get("id").getLiteralLexicalForm();
                    var m = ID.matcher(id);
                    if (m.matches())
                        hits.add(new SearchHit(b.get("entity").getURI(), id, m.group(1), b.get("label").getLiteralLexicalForm(),
                                b.get("description") == null ? null : b.get("description").getLiteralLexicalForm(),
                                Long.parseLong(b.get("degree").getLiteralLexicalForm())));
                });
            }
            return hits;
        });
    }
}
