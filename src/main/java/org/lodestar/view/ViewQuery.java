package org.lodestar.view;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.lodestar.util.ClasspathFolder;

/**
 * The SPARQL files behind a view, each parsed once when the class loads. Callers bind the focus and
 * other parameters with Jena's substitution and never edit the text; {@link #query()} hands out a
 * copy, so setting a page's LIMIT or a VALUES block never touches the shared parsed query.
 */
enum ViewQuery {
    ENTITY_HEADER("entity_header.rq"),
    NEIGHBOUR_GROUPS("neighbour_groups.rq"),
    RANKED_GROUP_MEMBERS("ranked_group_members.rq"),
    NEIGHBOURS("neighbours.rq"),
    STORED_NEIGHBOURS("stored_neighbours.rq"),
    HUBS("hubs.rq"),
    MEMBER_ASSERTIONS("member_assertions.rq"),
    SIMILAR_ENTITIES("similar_entities.rq"),
    SIMILAR_ENTITY_DETAILS("similar_entity_details.rq");

    static final String FOLDER = "queries/";

    private final String file;
    private final Query parsed;

    ViewQuery(String file) {
        this.file = file;
        this.parsed = QueryFactory.create(ClasspathFolder.read(FOLDER + file), Syntax.syntaxSPARQL_11);
    }

    String file() { return file; }

    /** A private copy of the parsed query. */
    Query query() {
        return parsed.cloneQuery();
    }
}
