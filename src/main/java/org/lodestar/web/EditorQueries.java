package org.lodestar.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.ParameterizedSparqlString;
import org.lodestar.util.ClasspathFolder;

/**
 * The queries the editor at {@code /query} opens with ({@code queries/editor/*.rq}), and the link
 * from an entity's page to a query about it. An entity reaches the text only through
 * {@link ParameterizedSparqlString#setIri}, as an IRI the server minted.
 */
final class EditorQueries {
    static final String PATH = org.lodestar.view.Links.EDITOR;

    /** A tab of the editor: its name and its query. */
    record Example(String name, String query) {
        Map<String, Object> scope() { return Map.of("name", name, "query", query); }
    }

    private EditorQueries() {}

    private static String text(String name) {
        return ClasspathFolder.read("queries/editor/" + name + ".rq");
    }

    /** @param concept the concept "who studies" asks about (the best connected one), or null when there is none */
    static List<Example> examples(String concept) {
        List<Example> all = new ArrayList<>();
        if (concept != null) {
            ParameterizedSparqlString who = new ParameterizedSparqlString(text("who-studies"));
            who.setIri("concept", concept);
            all.add(new Example("Who studies it", who.toString()));
        }
        all.add(new Example("Hubs by degree", text("hubs")));
        all.add(new Example("Similar pairs", text("similar-pairs")));
        return all;
    }

    /** {@code /query?query=…}: the editor with that query in a tab of its own. */
    static String link(String query) {
        return org.lodestar.view.Links.editor(query);
    }
}
