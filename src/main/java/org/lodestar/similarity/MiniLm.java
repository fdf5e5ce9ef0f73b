package org.lodestar.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions), run in process from the model and tokenizer
 * files inside the langchain4j jar: nothing is downloaded. Texts are cut into model inputs exactly
 * as langchain4j cuts them ({@link BertWindows}), then run many at a time: sorted by token count, so
 * that a batch pads little, and pooled over each text's own tokens ({@link OnnxBert}). One text per
 * model run, as langchain4j does, spends most of its time in per-run overhead and in matrix products
 * too small to use the cores; batches of similar length do not.
 *
 * <p>The model quantizes its activations per run, over the whole input tensor; {@link PerTextQuantization}
 * rewrites it to do so per text, so that the vectors equal {@link LangchainMiniLm}'s (tested). Loading takes a second or more
 * and some 100 MB, so the model is loaded once per process, on first use.
 */
public final class MiniLm implements Embedder {
    public static final String MODEL = "all-MiniLM-L6-v2";
    public static final int DIMENSIONS = 384;
    /** The langchain4j jar's resources: Xenova's model_quantized.onnx of all-MiniLM-L6-v2, and its tokenizer. */
    static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx", TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

    private static final MiniLm INSTANCE = new MiniLm(Tuning.DEFAULT);

    /**
     * How the model is run.
     *
     * @param batchSize      windows per model run at most
     * @param batchTokens    positions per model run at most (windows × the longest): long texts go in smaller batches
     * @param intraOpThreads threads that share each operator
     * @param interOpThreads threads that run independent operators side by side (with {@code parallel})
     * @param parallel       the runtime's parallel execution mode instead of sequential
     * @param spinning       idle runtime threads spin, waiting for work, instead of sleeping
     */
    record Tuning(int batchSize, int batchTokens, int intraOpThreads, int interOpThreads, boolean parallel, boolean spinning) {
        /**
         * Chosen by measurement on two cores (see the README): one thread per core inside each
         * operator and one operator at a time, since a BERT layer is a chain with nothing to run beside it.
         */
        static final Tuning DEFAULT = new Tuning(32, 32 * 128, Runtime.getRuntime().availableProcessors(), 1, false, false);
    }

    private final Tuning tuning;
    private volatile OnnxBert bert;

    MiniLm(Tuning tuning) {
        this.tuning = tuning;
    }

    public static MiniLm get() { return INSTANCE; }

    /** Holder idiom: the tokenizer's native library loads on the first call to {@link #embed}. */
    private static final class Tokenizer {
        static final BertWindows WINDOWS = BertWindows.load(TOKENIZER_FILE);
    }

    private OnnxBert bert() {
        OnnxBert b = bert;
        if (b == null) {
            synchronized (this) {
                if (bert == null)
                    bert = new OnnxBert(MODEL_FILE, tuning);
                b = bert;
            }
        }
        return b;
    }

    @Override
    public String model() { return MODEL; }

    @Override
    public int dimensions() { return DIMENSIONS; }

    /** One window of one text, in the order the model runs them. */
    private record Slot(int text, int window, BertWindows.Window input) {}

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty())
            return List.of();
        List<List<BertWindows.Window>> windows = new ArrayList<>(texts.size());
        List<Slot> slots = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            List<BertWindows.Window> w = Tokenizer.WINDOWS.of(texts.get(t));
            windows.add(w);
            for (int i = 0; i < w.size(); i++)
                slots.add(new Slot(t, i, w.get(i)));
        }
        slots.sort(Comparator.comparingInt(s -> s.input().length()));
        float[][][] pooled = new float[texts.size()][][];
        for (int t = 0; t < texts.size(); t++)
            pooled[t] = new float[windows.get(t).size()][];
        OnnxBert model = bert();
        int from = 0;
        while (from < slots.size()) {
            int to = from + 1;
            // ascending lengths: the window at `to` is the longest of the batch it would join
            while (to < slots.size() && to - from < tuning.batchSize()
                    && (long) (to - from + 1) * slots.get(to).input().length() <= tuning.batchTokens())
                to++;
            List<Slot> batch = slots.subList(from, to);
            float[][] vectors = model.pool(batch.stream().map(Slot::input).toList());
            for (int i = 0; i < batch.size(); i++)
                pooled[batch.get(i).text()][batch.get(i).window()] = vectors[i];
            from = to;
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++)
            out.add(Vectors.normalize(unit(weightedAverage(pooled[t], windows.get(t)))));
        return out;
    }

    /** langchain4j's weighted average of a text's windows, by word pieces; one window is its own average. */
    private static float[] weightedAverage(float[][] vectors, List<BertWindows.Window> windows) {
        if (vectors.length == 1)
            return vectors[0];
        float[] average = new float[vectors[0].length];
        int total = 0;
        for (int i = 0; i < vectors.length; i++) {
            int weight = windows.get(i).weight();
            total += weight;
            for (int j = 0; j < average.length; j++)
                average[j] += vectors[i][j] * weight;
        }
        for (int j = 0; j < average.length; j++)
            average[j] /= total;
        return average;
    }

    /**
     * langchain4j's normalisation, in float; {@link Vectors#normalize} then makes it unit in double,
     * as it did langchain4j's output before.
     */
    private static float[] unit(float[] v) {
        float sumSquare = 0;
        for (float x : v)
            sumSquare += x * x;
        float norm = (float) Math.sqrt(sumSquare);
        float[] unit = Arrays.copyOf(v, v.length);
        for (int i = 0; i < unit.length; i++)
            unit[i] = v[i] / norm;
        return unit;
    }
}
