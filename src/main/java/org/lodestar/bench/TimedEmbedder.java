package org.lodestar.bench;

import java.util.ArrayList;
import java.util.List;
import org.lodestar.similarity.Embedder;

/**
 * The build's embedder, timed: how many texts it embedded and how long that took (the build's
 * embed phase and {@code embed_per_s}), the vectors, for the recall of the approximate index, and
 * the texts, for the comparison with the baseline embedder on the same texts.
 */
final class TimedEmbedder implements Embedder {
    private final Embedder model;
    private final List<float[]> vectors = new ArrayList<>();
    private final List<String> embedded = new ArrayList<>();
    private long nanos;

    TimedEmbedder(Embedder model) {
        this.model = model;
    }

    @Override
    public String model() { return model.model(); }

    @Override
    public int dimensions() { return model.dimensions(); }

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        long start = System.nanoTime();
        List<float[]> out = model.embed(texts);
        nanos += System.nanoTime() - start;
        vectors.addAll(out);
        embedded.addAll(texts);
        return out;
    }

    synchronized long nanos() { return nanos; }

    synchronized List<float[]> vectors() { return List.copyOf(vectors); }

    synchronized List<String> texts() { return List.copyOf(embedded); }

    /** The embedder timed. */
    Embedder timed() { return model; }
}
