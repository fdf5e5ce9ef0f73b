package org.lodestar.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The fields of an entity's document in the search index, and how their text is split into words. */
final class SearchFields {
    static final String ENTITY = "entity";
    static final String ID = "id";
    static final String TYPE = "type";
    static final String LABEL = "label";
    /** The whole label, lower-cased: an exact match ranks first. */
    static final String LABEL_EXACT = "label_exact";
    static final String DESCRIPTION = "description";
    static final String JUSTIFICATION = "justification";
    static final String DEGREE = "degree";
    static final String FEATURES = "features";

    private SearchFields() {}

    /** Words split on Unicode word boundaries, lower-cased, no stop words (a label may be "Is It Aligned"). */
    static Analyzer analyzer() {
        return new StandardAnalyzer();
    }
}
