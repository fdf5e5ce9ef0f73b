package org.lodestar.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.NodeValue;
import org.lodestar.ontology.EntityClass;
import org.lodestar.ontology.Ontology;

/**
 * The identifier and class that an entity's IRI names: {@code {base}id/{type}/{slug}} is the entity
 * with identifier {@code type:slug}, whose most specific class has the type key {@code type}. The
 * shapes hold every stored entity to this (shapes/entities.ttl, EntityIri and EntityIdentifierType),
 * so reading the IRI gives what a query would find, without reading the copy of the identifier and
 * types that every page mentioning the entity repeats.
 */
final class EntityIds {
    static final Var OTHER = Var.alloc("other"), ID = Var.alloc("id"), TYPE_KEY = Var.alloc("typeKey"), TYPED = Var.alloc("typed");

    private final Ontology ontology;
    private final String prefix;

    EntityIds(Ontology ontology, String base) {
        this.ontology = ontology;
        this.prefix = base + "id/";
    }

    /**
     * Rows of {@code ?other ?id ?typeKey ?typed} (whether the class has a group in views), one per
     * entity whose IRI is one of this base's entity IRIs; others are left out.
     */
    List<Binding> rows(List<Node> entities) {
        List<Binding> rows = new ArrayList<>();
        for (Node e : entities)
            classOf(e).ifPresent(c -> rows.add(Binding.builder()
                    .add(OTHER, e)
                    .add(ID, NodeFactory.createLiteralString(c.typeKey() + ":" + slug(e)))
                    .add(TYPE_KEY, NodeFactory.createLiteralString(c.typeKey()))
                    .add(TYPED, NodeValue.makeBoolean(c.hasGroup()).asNode())
                    .build()));
        return rows;
    }

    private Optional<EntityClass> classOf(Node e) {
        if (!e.isURI() || !e.getURI().startsWith(prefix))
            return Optional.empty();
        String[] parts = e.getURI().substring(prefix.length()).split("/", -1);
        if (parts.length != 2 || !Views.SLUG.matcher(parts[1]).matches())
            return Optional.empty();
        return ontology.classForKey(parts[0]);
    }

    private static String slug(Node e) {
        return e.getURI().substring(e.getURI().lastIndexOf('/') + 1);
    }
}
