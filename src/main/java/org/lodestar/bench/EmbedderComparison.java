package org.lodestar.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.lodestar.similarity.Embedder;
import org.lodestar.similarity.Vectors;

/**
 * The build's embedder against langchain4j's (the baseline, what the build used before) on the same
 * sample of the build's texts, in one run: each side embeds both halves, in the order ours, theirs,
 * theirs, ours, so that a machine getting busier or quieter during the run weighs on both alike.
 * A sample of a few thousand, not every text: the baseline is the slower side, and the whole build's
 * rate is {@code embed_per_s} already. Also the lowest cosine between the two sides' vectors.
 */
final class EmbedderComparison {
    static final int SAMPLE = 2_000, WARM_UP = 20;

    record Figures(int texts, double perSecond, double baselinePerSecond, double lowestCosine) {
        double speedup() { return perSecond / baselinePerSecond; }
    }

    private EmbedderComparison() {}

    static Figures run(List<String> texts, Embedder ours, Embedder baseline, long seed) {
        List<String> sample = new ArrayList<>(texts);
        Collections.shuffle(sample, new Random(seed));
        sample = sample.subList(0, Math.min(SAMPLE, sample.size()));
        List<String> warmUp = sample.subList(0, Math.min(WARM_UP, sample.size()));
        ours.embed(warmUp);       // the baseline loads its own copy of the model on first use: not timed
        baseline.embed(warmUp);
        List<String> first = sample.subList(0, sample.size() / 2), second = sample.subList(sample.size() / 2, sample.size());
        long[] oursNanos = {0}, theirsNanos = {0};
        List<float[]> a1 = timed(ours, first, oursNanos), b1 = timed(baseline, first, theirsNanos);
        List<float[]> b2 = timed(baseline, second, theirsNanos), a2 = timed(ours, second, oursNanos);
        double lowest = 1;
        for (int i = 0; i < first.size(); i++)
            lowest = Math.min(lowest, Vectors.cosine(a1.get(i), b1.get(i)));
        for (int i = 0; i < second.size(); i++)
            lowest = Math.min(lowest, Vectors.cosine(a2.get(i), b2.get(i)));
        return new Figures(sample.size(), sample.size() / (oursNanos[0] / 1e9), sample.size() / (theirsNanos[0] / 1e9), lowest);
    }

    private static List<float[]> timed(Embedder embedder, List<String> texts, long[] nanos) {
        long start = System.nanoTime();
        List<float[]> vectors = embedder.embed(texts);
        nanos[0] += System.nanoTime() - start;
        return vectors;
    }
}
