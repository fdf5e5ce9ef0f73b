package org.lodestar.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Approximate nearest neighbours with Lucene's HNSW graph ({@link KnnFloatVectorField}, cosine),
 * in {@link ByteBuffersDirectory}s: the index lives only for one build, so it never touches disk.
 * Lucene scores cosine as {@code (1 + cos) / 2}; this class asks Lucene only for candidates and
 * returns their exact cosines, so a threshold means the same here as in {@link ExactIndex}.
 *
 * <p>The vectors are split into {@link #PARTS} contiguous parts, each indexed by one thread into a
 * directory of its own and searched together: building the graphs is most of the cost (at 200,000
 * vectors 569 s on one thread, 265 s as two parts on two idle cores), and a part built by one thread in
 * a fixed order gives the same graph every time, so the same data makes the same links (threads
 * sharing one writer would split the vectors into segments by timing).
 */
public final class HnswIndex implements VectorIndex {
    static final String VECTOR = "v", ORDINAL = "ord";
    /**
     * Candidates asked of the graph beyond those wanted: a wider search beam, better recall. At
     * 200,000 vectors (two parts, Lucene asked directly) recall@10 was 0.877 with 20, 0.917 with 40
     * and 0.952 with 80 (0.951 through this class, another build), at
     * 2.8, 3.2 and 5.0 ms a query: on two cores ~220 s more search than with 20, most of what the
     * parts save in building.
     */
    static final int EXTRA_CANDIDATES = 80;
    /** Fixed rather than one per core, so that the links do not depend on the machine. */
    static final int PARTS = 2;

    private final List<float[]> vectors;
    private final List<ByteBuffersDirectory> directories = new ArrayList<>();
    private final MultiReader reader;
    private final IndexSearcher searcher;
    private final int[] ordinals;

    public HnswIndex(List<float[]> vectors) {
        this.vectors = List.copyOf(vectors);
        int n = this.vectors.size(), parts = Math.max(1, Math.min(PARTS, n));
        for (int p = 0; p < parts; p++)
            directories.add(new ByteBuffersDirectory());
        DirectoryReader[] readers = new DirectoryReader[parts];
        boolean built = false;
        try {
            IntStream.range(0, parts).parallel().forEach(p -> index(directories.get(p), p * n / parts, (p + 1) * n / parts));
            for (int p = 0; p < parts; p++)
                readers[p] = DirectoryReader.open(directories.get(p));
            reader = new MultiReader(readers);
            searcher = new IndexSearcher(reader);
            ordinals = ordinals(reader);
            built = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the vector index", e);
        } finally {
            if (!built) { // out of memory too, the likeliest failure of a large build
                IOUtils.closeWhileHandlingException(readers);
                IOUtils.closeWhileHandlingException(directories);
            }
        }
    }

    /** Indexes vectors {@code from} (inclusive) to {@code to}, in order, on the calling thread. */
    private void index(ByteBuffersDirectory directory, int from, int to) {
        // No merges: merging HNSW segments rebuilds their graphs; a few segments search just as well.
        IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE)
                .setRAMBufferSizeMB(256).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = from; i < to; i++) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.COSINE));
                doc.add(new NumericDocValuesField(ORDINAL, i));
                writer.addDocument(doc);
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the vector index", e);
        }
    }

    /** Lucene document id → index in {@code vectors}, read once so that searches need no doc-values iterator. */
    private static int[] ordinals(IndexReader reader) throws IOException {
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
            for (ByteBuffersDirectory d : directories)
                d.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
