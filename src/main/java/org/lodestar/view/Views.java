package org.lodestar.view;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.Ontology;
import org.lodestar.store.KnowledgeStore;

/**
 * Ranked neighbourhood views of the entities in a store. An entity is named by its type key and
 * slug; both are checked against the ontology and the slug pattern before any query runs, so no
 * request text ever reaches SPARQL except as a validated IRI. Thread-safe.
 */
public final class Views {
    /** The slug of an identifier, {@code type:slug}. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]++(?:-[a-z0-9]++)*+");

    private final KnowledgeStore store;
    private final Ontology ontology;
    private final String base;
    private final EntityIds ids;

    /** @param base the base the store's IRIs were minted under, e.g. {@code http://localhost:8080/} */
    public Views(KnowledgeStore store, Ontology ontology, String base) {
        this.store = store;
        this.ontology = ontology;
        this.base = base.endsWith("/") ? base : base + "/";
        this.ids = new EntityIds(ontology, this.base);
    }

    /** True when {@code typeKey} names a class of the ontology and {@code slug} is a well-formed slug. */
    public boolean isWellFormed(String typeKey, String slug) {
        return typeKey != null && slug != null && ontology.classForKey(typeKey).isPresent() && SLUG.matcher(slug).matches();
    }

    /** True when {@code typeKey} names a class that has a group in views. */
    public boolean isGroup(String typeKey) {
        return ontology.classForKey(typeKey).map(c -> c.hasGroup()).orElse(false);
    }

    /** The view of {@code type:slug}; empty when the id is malformed or no such entity exists. */
    public Optional<EntityView> find(String typeKey, String slug, ViewOptions options) {
        if (!isWellFormed(typeKey, slug))
            return Optional.empty();
        var focus = NodeFactory.createURI(base + "id/" + typeKey + "/" + slug);
        return Txn.calculateRead(store.dataset(), () -> new ViewBuilder(store.dataset(), ids).build(focus, slug, options));
    }

    public static String render(EntityView view, ViewFormat format) {
        return switch (format) {
            case TEXT -> TextRenderer.render(view);
            case JSON -> JsonRenderer.render(view);
            case HTML -> HtmlRenderer.render(view);
        };
    }
}
