package org.lodestar.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Approximate nearest neighbours with Lucene's HNSW graph ({@link KnnFloatVectorField}, cosine),
 * in a {@link ByteBuffersDirectory}: the index lives only for one build, so it never touches disk.
 * Lucene scores cosine as {@code (1 + cos) / 2}; this class asks Lucene only for candidates and
 * returns their exact cosines, so a threshold means the same here as in {@link ExactIndex}.
 */
public final class HnswIndex implements VectorIndex {
    static final String VECTOR = "v", ORDINAL = "ord";
    /** Candidates asked of the graph beyond those wanted: a wider search beam, better recall. */
    static final int EXTRA_CANDIDATES = 20;

    private final List<float[]> vectors;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int[] ordinals;

    public HnswIndex(List<float[]> vectors) {
        this.vectors = List.copyOf(vectors);
        try {
            // No merges: merging HNSW segments rebuilds their graphs; a few segments search just as well.
            IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE)
                    .setRAMBufferSizeMB(256).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < this.vectors.size(); i++) {
                    Document doc = new Document();
                    doc.add(new KnnFloatVectorField(VECTOR, this.vectors.get(i), VectorSimilarityFunction.COSINE));
                    doc.add(new NumericDocValuesField(ORDINAL, i));
                    writer.addDocument(doc);
                }
                writer.commit();
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
            ordinals = ordinals(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the vector index", e);
        }
    }

    /** Lucene document id → index in {@code vectors}, read once so that searches need no doc-values iterator. */
    private static int[] ordinals(DirectoryReader reader) throws IOException {
        int[] ords = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
            for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc())
                ords[leaf.docBase + doc] = (int) values.longValue();
        }
        return ords;
    }

    /**
     * Asks the graph for a few more candidates than wanted; when skipped vectors (typed partners)
     * leave too few above {@code minCosine} while the graph had more to give, asks again for twice as many.
     */
    @Override
    public List<Neighbour> nearest(int query, int count, double minCosine, IntPredicate skip) {
        float[] q = vectors.get(query);
        int ask = Math.min(vectors.size(), count + 1 + EXTRA_CANDIDATES);
        while (true) {
            ScoreDoc[] hits = search(q, ask);
            List<Neighbour> result = new ArrayList<>(hits.length);
            double lowest = 1;
            for (ScoreDoc hit : hits) {
                int i = ordinals[hit.doc];
                double c = Vectors.cosine(q, vectors.get(i));
                lowest = Math.min(lowest, c);
                if (i != query && !skip.test(i) && c >= minCosine)
                    result.add(new Neighbour(i, c));
            }
            boolean more = hits.length == ask && ask < vectors.size() && lowest >= minCosine;
            if (result.size() >= count || !more) {
                result.sort(Neighbour.BEST_FIRST);
                return result.size() > count ? List.copyOf(result.subList(0, count)) : result;
            }
            ask = (int) Math.min(vectors.size(), 2L * ask);
        }
    }

    private ScoreDoc[] search(float[] q, int ask) {
        try {
            return searcher.search(new KnnFloatVectorQuery(VECTOR, q, ask), ask).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String kind() { return "hnsw"; }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
