package org.lodestar.similarity;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions), run in process from the model file inside
 * the langchain4j jar: nothing is downloaded. Loading takes a second or more and some 100 MB, so
 * the model is loaded once per process, on first use, and only when something needs embedding.
 */
public final class MiniLm implements Embedder {
    public static final String MODEL = "all-MiniLM-L6-v2";
    public static final int DIMENSIONS = 384;
    private static final MiniLm INSTANCE = new MiniLm();

    private MiniLm() {}

    public static MiniLm get() { return INSTANCE; }

    /** Holder idiom: the class (and the model) loads on the first call to {@link #embed}. */
    private static final class Model {
        static final AllMiniLmL6V2QuantizedEmbeddingModel ONNX = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public String model() { return MODEL; }

    @Override
    public int dimensions() { return DIMENSIONS; }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty())
            return List.of();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = Model.ONNX.embedAll(segments).content();
        return embeddings.stream().map(e -> Vectors.normalize(e.vector())).toList();
    }
}
