package org.lodestar.view;

import java.util.List;
import org.apache.jena.atlas.lib.IRILib;

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

    private static String segment(String s) {
        return IRILib.encodeUriPath(s);
    }
}
