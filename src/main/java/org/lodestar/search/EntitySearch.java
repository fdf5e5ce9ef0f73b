package org.lodestar.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * A person's words as a Lucene query, built from terms (never parsed as query syntax, so no
 * character of {@code q} is an operator). Every word must match somewhere: in the label as
 * written, as the start of a label word, or within an edit or two of one (typos; longer words
 * allow more), or as a word of the description or of a justification. Label matches weigh most,
 * the whole label exactly most of all; among equals a better connected entity ranks higher.
 */
public final class EntitySearch {
    /** Words at most: more are dropped (a pasted paragraph is not a search). */
    static final int MAX_WORDS = 12;
    private static final Analyzer ANALYZER = SearchFields.analyzer();

    private EntitySearch() {}

    /**
     * @param type   a type key to keep to, or null for every class
     * @param labels true for suggestions: the label alone, the last word as a prefix
     */
    public static List<SearchHit> find(IndexSearcher searcher, String q, String type, int limit, boolean labels) {
        List<String> words = words(q);
        if (words.isEmpty())
            return List.of();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++)
            all.add(word(words.get(i), labels, i == words.size() - 1), Occur.MUST);
        all.add(new BoostQuery(new TermQuery(new Term(SearchFields.LABEL_EXACT, q.strip().toLowerCase(Locale.ROOT))), 20f), Occur.SHOULD);
        if (words.size() > 1)
            all.add(new BoostQuery(new PhraseQuery(1, SearchFields.LABEL, words.toArray(String[]::new)), 6f), Occur.SHOULD);
        all.add(FeatureField.newSaturationQuery(SearchFields.FEATURES, SearchFields.DEGREE, 0.5f, 10f), Occur.SHOULD);
        if (type != null)
            all.add(new TermQuery(new Term(SearchFields.TYPE, type)), Occur.FILTER);
        try {
            List<SearchHit> hits = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(all.build(), limit).scoreDocs) {
                Document d = stored.document(sd.doc);
                hits.add(new SearchHit(d.get(SearchFields.ENTITY), d.get(SearchFields.ID), d.get(SearchFields.TYPE),
                        d.get(SearchFields.LABEL), d.get(SearchFields.DESCRIPTION),
                        d.getField(SearchFields.DEGREE).numericValue().longValue()));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ways one word may match, the best of them counting. */
    private static Query word(String w, boolean labels, boolean last) {
        List<Query> ways = new ArrayList<>();
        ways.add(new BoostQuery(new TermQuery(new Term(SearchFields.LABEL, w)), 4f));
        if (w.length() >= 2 && (last || !labels))
            ways.add(new BoostQuery(new PrefixQuery(new Term(SearchFields.LABEL, w)), 2.5f));
        int edits = w.length() >= 8 ? 2 : w.length() >= 4 ? 1 : 0;
        if (edits > 0)
            ways.add(new BoostQuery(new FuzzyQuery(new Term(SearchFields.LABEL, w), edits, 1), 1.5f));
        if (!labels) {
            ways.add(new TermQuery(new Term(SearchFields.DESCRIPTION, w)));
            ways.add(new BoostQuery(new TermQuery(new Term(SearchFields.JUSTIFICATION, w)), 0.5f));
        }
        return new DisjunctionMaxQuery(ways, 0.1f);
    }

    /** The words of {@code q} as the index split labels into them. */
    static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream(SearchFields.LABEL, q)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < MAX_WORDS)
                words.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
