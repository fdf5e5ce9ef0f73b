package org.lodestar.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/** What the derivation reads from the data: the entities' texts and the typed pairs. Runs inside the caller's transaction. */
final class GraphReader {
    private GraphReader() {}

    static List<EntityText> entities(DatasetGraph dataset) {
        List<EntityText> entities = new ArrayList<>();
        try (QueryExec qe = QueryExec.dataset(dataset).query(Queries.get("similarity-entities")).build()) {
            RowSet rows = qe.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                Node description = row.get("description");
                entities.add(new EntityText(row.get("entity"), row.get("label").getLiteralLexicalForm(),
                        description == null ? null : description.getLiteralLexicalForm()));
            }
        }
        return entities;
    }

    /** {@code entity}'s text as {@link #entities} reads it, or empty when it is not an entity. */
    static Optional<EntityText> entity(DatasetGraph dataset, Node entity) {
        try (QueryExec qe = QueryExec.dataset(dataset).query(Queries.get("similarity-entity-text")).substitution("entity", entity).build()) {
            RowSet rows = qe.select();
            if (!rows.hasNext())
                return Optional.empty();
            Binding row = rows.next();
            Node label = row.get("label"), description = row.get("description");
            return label == null ? Optional.empty()
                    : Optional.of(new EntityText(entity, label.getLiteralLexicalForm(), description == null ? null : description.getLiteralLexicalForm()));
        }
    }

    /** For each entity number, the numbers of the entities it has a typed edge with, either way. */
    static TypedPartners typedPartners(DatasetGraph dataset, Map<Node, Integer> numbers) {
        TypedPartners.Builder partners = new TypedPartners.Builder(numbers.size());
        try (QueryExec qe = QueryExec.dataset(dataset).query(Queries.get("similarity-typed-pairs")).build()) {
            qe.select().forEachRemaining(row -> {
                Integer s = numbers.get(row.get("source"));
                Integer t = numbers.get(row.get("target"));
                if (s != null && t != null)
                    partners.add(s, t);
            });
        }
        return partners.build();
    }

    /** The numbers of the entities {@code entity} has a typed edge with, either way. */
    static Set<Integer> typedPartnersOf(DatasetGraph dataset, Node entity, Map<Node, Integer> numbers) {
        Set<Integer> partners = new HashSet<>();
        try (QueryExec qe = QueryExec.dataset(dataset).query(Queries.get("similarity-typed-partners"))
                .substitution("entity", entity).build()) {
            qe.select().forEachRemaining(row -> {
                Integer n = numbers.get(row.get("partner"));
                if (n != null)
                    partners.add(n);
            });
        }
        return partners;
    }
}
