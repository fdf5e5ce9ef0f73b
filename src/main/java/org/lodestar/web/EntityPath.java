package org.lodestar.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.lib.IRILib;
import org.lodestar.ontology.Ontology;

/**
 * The {@code /{type}/{slug}[.ext]} part of an {@code /id/…} or {@code /doc/…} path, checked before
 * anything else happens: the type must be a type key of the ontology and the slug must match
 * {@code ^[a-z0-9]++(?:-[a-z0-9]++)*+$}. Anything else (encoded dots or slashes, upper case, a third
 * segment) is not an entity path, so no request text ever reaches a query, a template or a file
 * name except as these two checked values.
 *
 * @param extension null when the path has none
 */
public record EntityPath(String typeKey, String slug, String extension) {
    private static final Pattern PATH = Pattern.compile("/([a-z]+)/([a-z0-9]++(?:-[a-z0-9]++)*+)(?:\\.([a-z]+))?");

    /** @param pathInfo the servlet's decoded path info, e.g. {@code /concept/alignment-faking.ttl} */
    public static Optional<EntityPath> parse(String pathInfo, Ontology ontology) {
        if (pathInfo == null)
            return Optional.empty();
        Matcher m = PATH.matcher(pathInfo);
        if (!m.matches() || ontology.classForKey(m.group(1)).isEmpty())
            return Optional.empty();
        return Optional.of(new EntityPath(m.group(1), m.group(2), m.group(3)));
    }

    public String id() { return typeKey + ":" + slug; }

    /** Root-relative path of the entity's generic document, {@code /doc/{type}/{slug}}. */
    public String docPath() { return "/doc/" + segment(typeKey) + "/" + segment(slug); }

    public String docPath(Format f) { return docPath() + "." + f.extension(); }

    public String idPath() { return "/id/" + segment(typeKey) + "/" + segment(slug); }

    public EntityPath withSlug(String other) { return new EntityPath(typeKey, other, extension); }

    private static String segment(String s) { return IRILib.encodeUriPath(s); }
}
