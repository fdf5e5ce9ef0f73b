package org.lodestar.similarity;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2 through langchain4j's own embedding model, one text per model run (its embedAll
 * runs them on a thread per core): what the build used before {@link MiniLm} batched, kept as the
 * baseline that the batched vectors are tested against and that {@code bench} compares rates with.
 * The same model name, and so the same cache entries: its vectors are {@link MiniLm}'s, bit for bit
 * on the texts of MiniLmTest.
 */
public final class LangchainMiniLm implements Embedder {
    private static final LangchainMiniLm INSTANCE = new LangchainMiniLm();

    private LangchainMiniLm() {}

    public static LangchainMiniLm get() { return INSTANCE; }

    /** Holder idiom: the class (and the model) loads on the first call to {@link #embed}. */
    private static final class Model {
        static final AllMiniLmL6V2QuantizedEmbeddingModel ONNX = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public String model() { return MiniLm.MODEL; }

    @Override
    public int dimensions() { return MiniLm.DIMENSIONS; }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty())
            return List.of();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = Model.ONNX.embedAll(segments).content();
        return embeddings.stream().map(e -> Vectors.normalize(e.vector())).toList();
    }
}
