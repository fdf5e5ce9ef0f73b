package org.lodestar.similarity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * Same-class pairs whose similarity reaches a high score: entities that may be one entity under two
 * names. Read from the stored similarity links (duplicates-candidates.rq), so the candidates are
 * pairs without a typed edge, and a minimum below the threshold the links were computed with finds
 * no more computed pairs than that threshold let through ({@link #storedThreshold}).
 */
public final class DuplicateCandidates {
    private DuplicateCandidates() {}

    /** One end of a pair. {@code id} and {@code label} may be null in data that lacks them. */
    public record Member(String iri, String id, String label) {}

    /** One link of a pair: its source (the method's label, "imported" or the model's name), score and, when imported, page. */
    public record Score(String source, BigDecimal score, String page) {}

    /** A candidate pair; {@code score} is the highest of {@code scores}, which come best first. */
    public record Pair(String typeKey, Member a, Member b, BigDecimal score, List<Score> scores) {}

    /** The candidates at or above {@code min} among the links {@code mode} shows, best first; in a read transaction of its own. */
    public static List<Pair> find(DatasetGraph dataset, BigDecimal min, SimilarityMode mode) {
        return Txn.calculateRead(dataset, () -> query(dataset, min, mode));
    }

    /**
     * The threshold the stored computed links were made with (kg:similarityThreshold on the derived
     * graph); empty when the database holds no computed links.
     */
    /**
     * The lowest score asked for, from a command-line option or a query parameter: the default when
     * absent, else a number from 0 to 1.
     *
     * @throws IllegalArgumentException naming the value when it is not one
     */
    public static BigDecimal minimum(String value) {
        if (value == null || value.isBlank())
            return BigDecimal.valueOf(SimilaritySettings.DEFAULT_DUPLICATE_MIN);
        try {
            BigDecimal min = new BigDecimal(value.trim());
            if (min.signum() >= 0 && min.compareTo(BigDecimal.ONE) <= 0)
                return min;
        } catch (NumberFormatException e) {
            // the message below says what was wrong
        }
        throw new IllegalArgumentException("'" + value + "' is not a score from 0 to 1");
    }

    public static Optional<BigDecimal> storedThreshold(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> dataset.stream(Node.ANY, Node.ANY, SimilarityTerms.similarityThreshold, Node.ANY)
                .findFirst().map(q -> new BigDecimal(q.getObject().getLiteralLexicalForm())));
    }

    private static List<Pair> query(DatasetGraph dataset, BigDecimal min, SimilarityMode mode) {
        Map<String, List<Binding>> byPair = new LinkedHashMap<>();
        try (QueryExec qe = QueryExec.dataset(dataset).query(Queries.get("duplicates-candidates"))
                .substitution("min", NodeFactory.createLiteralDT(min.toPlainString(), XSDDatatype.XSDdecimal))
                .substitution("showImported", bool(mode.showsImported()))
                .substitution("showComputed", bool(mode.showsComputed()))
                .build()) {
            qe.select().forEachRemaining(row ->
                    byPair.computeIfAbsent(iri(row, "a") + " " + iri(row, "b"), k -> new ArrayList<>()).add(row));
        }
        List<Pair> pairs = new ArrayList<>();
        for (List<Binding> rows : byPair.values())
            pairs.add(pair(rows));
        return pairs;
    }

    private static Pair pair(List<Binding> rows) {
        Binding first = rows.get(0);
        Set<String> links = new LinkedHashSet<>();
        List<Score> scores = new ArrayList<>();
        for (Binding r : rows)
            if (links.add(iri(r, "link")))
                scores.add(new Score(text(r, "source"), threeDecimals(text(r, "score")), iri(r, "page")));
        return new Pair(text(first, "typeKey"), new Member(iri(first, "a"), text(first, "aId"), text(first, "aLabel")),
                new Member(iri(first, "b"), text(first, "bId"), text(first, "bLabel")), scores.get(0).score(), List.copyOf(scores));
    }

    /** TDB2 gives decimals back in canonical form ("0.9"); scores read alike with three decimals ("0.900"). */
    private static BigDecimal threeDecimals(String lexical) {
        BigDecimal d = new BigDecimal(lexical);
        return d.scale() < 3 ? d.setScale(3) : d;
    }

    private static Node bool(boolean b) {
        return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
    }

    private static String iri(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? null : n.isURI() ? n.getURI() : n.toString();
    }

    private static String text(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
