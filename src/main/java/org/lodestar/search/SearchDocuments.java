package org.lodestar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.lodestar.util.ClasspathFolder;

/**
 * The documents of the search index, one per entity, read from the store with
 * {@code search-documents.rq} and {@code search-justifications.rq} (the caller's read transaction).
 */
final class SearchDocuments {
    private static final Query DOCUMENTS = QueryFactory.create(ClasspathFolder.read("queries/search-documents.rq"));
    private static final Query JUSTIFICATIONS = QueryFactory.create(ClasspathFolder.read("queries/search-justifications.rq"));

    private SearchDocuments() {}

    /** @return how many documents were written */
    static int write(DatasetGraph dataset, IndexWriter writer) throws IOException {
        Map<Node, List<String>> why = new HashMap<>();
        try (QueryExec qe = QueryExec.dataset(dataset).query(JUSTIFICATIONS).build()) {
            qe.select().forEachRemaining(b -> {
                String text = b.get("text").getLiteralLexicalForm();
                why.computeIfAbsent(b.get("source"), k -> new ArrayList<>()).add(text);
                why.computeIfAbsent(b.get("target"), k -> new ArrayList<>()).add(text);
            });
        }
        int count = 0;
        try (QueryExec qe = QueryExec.dataset(dataset).query(DOCUMENTS).build()) {
            var rows = qe.select();
            while (rows.hasNext()) {
                Document d = document(rows.next(), why);
                if (d != null) {
                    writer.addDocument(d);
                    count++;
                }
            }
        }
        return count;
    }

    private static Document document(Binding b, Map<Node, List<String>> why) {
        Node entity = b.get("entity");
        String id = lexical(b.get("id"));
        String label = lexical(b.get("label"));
        int colon = id == null ? -1 : id.indexOf(':');
        if (entity == null || !entity.isURI() || label == null || colon <= 0)
            return null;
        Document d = new Document();
        d.add(new StringField(SearchFields.ENTITY, entity.getURI(), Field.Store.YES));
        d.add(new StringField(SearchFields.ID, id, Field.Store.YES));
        d.add(new StringField(SearchFields.TYPE, id.substring(0, colon), Field.Store.YES));
        d.add(new TextField(SearchFields.LABEL, label, Field.Store.YES));
        d.add(new StringField(SearchFields.LABEL_EXACT, label.toLowerCase(Locale.ROOT), Field.Store.NO));
        String description = lexical(b.get("description"));
        if (description != null)
            d.add(new TextField(SearchFields.DESCRIPTION, description, Field.Store.YES));
        for (String j : why.getOrDefault(entity, List.of()))
            d.add(new TextField(SearchFields.JUSTIFICATION, j, Field.Store.NO));
        long degree = 0;
        Node deg = b.get("degree");
        if (deg != null && deg.isLiteral()) {
            try {
                degree = Long.parseLong(deg.getLiteralLexicalForm());
            } catch (NumberFormatException e) {
                degree = 0;
            }
        }
        d.add(new StoredField(SearchFields.DEGREE, degree));
        // a feature must be positive: a well-connected entity ranks a little higher among equals
        d.add(new FeatureField(SearchFields.FEATURES, SearchFields.DEGREE, Math.max(1f, degree)));
        return d;
    }

    private static String lexical(Node n) {
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }
}
