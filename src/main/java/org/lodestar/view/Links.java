package org.lodestar.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.query.ParameterizedSparqlString;
import org.lodestar.util.ClasspathFolder;

/**
 * Where things live on the server, in one place: the page of an entity that views link to, the RDF
 * documents of an entity, and the query of another page of a group. Links are root-relative, so
 * they work whatever host and port the server answers on.
 */
public final class Links {
    private Links() {}

    /** An RDF representation an entity's document will offer at {@code /doc/{type}/{slug}.{extension}}. */
    public record RdfFormat(String extension, String name, String mediaType) {}

    public static final List<RdfFormat> RDF_FORMATS = List.of(
            new RdfFormat("ttl", "Turtle", "text/turtle"),
            new RdfFormat("jsonld", "JSON-LD", "application/ld+json"),
            new RdfFormat("nt", "N-Triples", "application/n-triples"),
            new RdfFormat("rdf", "RDF/XML", "application/rdf+xml"));

    /** The page a neighbour links to: its own view (to become its /doc page once entity documents exist). */
    public static String entityPage(String typeKey, String slug) {
        return view(typeKey, slug);
    }

    /** Same, from an identifier {@code type:slug}; null when it is not one. */
    public static String entityPage(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        return colon <= 0 ? null : entityPage(id.substring(0, colon), id.substring(colon + 1));
    }

    public static String view(String typeKey, String slug) {
        return "/view/" + segment(typeKey) + "/" + segment(slug);
    }

    public static String view(String typeKey, String slug, ViewFormat format) {
        return view(typeKey, slug) + "." + format.extension();
    }

    /** An entity's page, {@code /doc/{type}/{slug}}, from an identifier {@code type:slug}; null when it is not one. */
    public static String documentPage(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        return colon <= 0 ? null : document(id.substring(0, colon), id.substring(colon + 1));
    }

    public static String document(String typeKey, String slug) {
        return "/doc/" + segment(typeKey) + "/" + segment(slug);
    }

    public static String document(String typeKey, String slug, String extension) {
        return "/doc/" + segment(typeKey) + "/" + segment(slug) + "." + extension;
    }

    /**
     * The query string of one page of one group, relative to the view it appears in, so that it
     * keeps the view's path and format: {@code ?group=concept&page=2}. A threshold other than the
     * default travels along.
     */
    public static String groupPage(String typeKey, int page, ViewOptions options) {
        StringBuilder q = new StringBuilder("?group=").append(IRILib.encodeUriQueryFrag(typeKey)).append("&page=").append(page);
        if (options.threshold().compareTo(ViewOptions.DEFAULT_THRESHOLD) != 0)
            q.append("&threshold=").append(options.threshold().toPlainString());
        return q.toString();
    }

    /** The query editor. */
    public static final String EDITOR = "/query";
    private static final String ENTITY_QUERY = ClasspathFolder.read("queries/editor/entity.rq");

    /**
     * The editor with a query about one entity ({@code queries/editor/entity.rq}): its edges, the
     * entities at their other ends and why. The IRI reaches the text only through
     * {@link ParameterizedSparqlString#setIri}.
     */
    public static String editorAbout(String entityIri) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(ENTITY_QUERY);
        q.setIri("entity", entityIri);
        return editor(q.toString());
    }

    /** {@code /query?query=…}: the editor with {@code query} in a tab of its own. */
    public static String editor(String query) {
        return EDITOR + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static String segment(String s) {
        return IRILib.encodeUriPath(s);
    }
}
