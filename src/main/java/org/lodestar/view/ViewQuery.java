package org.lodestar.view;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
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
    MEMBER_ASSERTIONS("member_assertions.rq"),
    SIMILAR_ENTITIES("similar_entities.rq");


    static final String FOLDER = "queries/";

    private final String file;
    private final Query parsed;

    ViewQuery(String file) {
        this.file = file;
        this.parsed = QueryFactory.create(ClasspathFolder.read(FOLDER + file), Syntax.syntaxSPARQL_11);
    }

    String file() { return file; }

    /** The rows of {@code query} (one of these, as handed out by {@link #query()}) over the dataset, in order. */
    static List<Binding> rows(DatasetGraph dataset, Query query, Binding substitution) {
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).substitution(substitution).build()) {
            List<Binding> all = new ArrayList<>();
            exec.select().forEachRemaining(all::add);
            return all;
        }
    }

    /** A private copy of the parsed query. */
    Query query() {
        return parsed.cloneQuery();
    }
}
