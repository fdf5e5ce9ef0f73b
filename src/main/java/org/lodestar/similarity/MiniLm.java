package org.lodestar.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions), run in process through ONNX Runtime from the
 * model and tokenizer files inside the langchain4j jar: nothing is downloaded. Texts are cut into
 * model inputs exactly as langchain4j cuts them ({@link BertWindows}) and each window is one model
 * run ({@link OnnxBert}), so the vectors are langchain4j's bit for bit (tested against
 * {@link LangchainMiniLm}); what changes is how the work is spread over the cores: one text per
 * core at a time, each run on one thread that never spins ({@link OnnxBert.Threads#ONE_PER_RUN}).
 *
 * <p>Why not batches of texts: the model quantizes its activations per run over the whole input
 * tensor, so in a batch each text's vector depends on its batch mates (cosine down to 0.963 for a
 * short text, measured). A rewrite of the graph that quantizes per text made batches exact again,
 * but its extra passes cost more than batching saved: on two cores with 8-bit matrix instructions,
 * 4.4 ms of CPU per text at best against 3.9 ms for one text per run (langchain4j: 7.0 ms), and even
 * inexact batches were only 5 % cheaper than single runs (commit e2d10ed has that version).
 *
 * <p>Loading takes a second or more and some 100 MB, so the model is loaded once per process, on
 * first use, and only when something needs embedding.
 */
public final class MiniLm implements Embedder {
    public static final String MODEL = "all-MiniLM-L6-v2";
    public static final int DIMENSIONS = 384;
    /** The langchain4j jar's resources: Xenova's model_quantized.onnx of all-MiniLM-L6-v2, and its tokenizer. */
    static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx", TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";
    private static final MiniLm INSTANCE = new MiniLm();

    private MiniLm() {}

    public static MiniLm get() { return INSTANCE; }

    /** Holder idiom: the tokenizer and the model load on the first call to {@link #embed}. */
    private static final class Model {
        static final int WORKERS = Runtime.getRuntime().availableProcessors();
        static final BertWindows WINDOWS = BertWindows.load(TOKENIZER_FILE);
        static final OnnxBert BERT = new OnnxBert(MODEL_FILE, OnnxBert.Threads.ONE_PER_RUN);
        /** Daemon threads: a process that is done does not wait for them. */
        static final ExecutorService POOL = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "minilm");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String model() { return MODEL; }

    @Override
    public int dimensions() { return DIMENSIONS; }

    /**
     * The texts spread over one worker per core, each taking the next text when done with one:
     * the runs share the session, each on its worker's thread.
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(Model.WORKERS, texts.size()); w++)
            workers.add(Model.POOL.submit(() -> {
                for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement())
                    out[i] = embed(texts.get(i));
            }));
        try {
            for (Future<?> f : workers)
                f.get();
        } catch (InterruptedException e) {
            next.set(out.length);   // the other workers stop after their current text
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            next.set(out.length);
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            throw new IllegalStateException(e.getCause());
        }
        return Arrays.asList(out);
    }

    private static float[] embed(String text) {
        List<BertWindows.Window> windows = Model.WINDOWS.of(text);
        float[][] pooled = new float[windows.size()][];
        for (int i = 0; i < pooled.length; i++)
            pooled[i] = Model.BERT.meanPool(windows.get(i));
        return Vectors.normalize(unit(weightedAverage(pooled, windows)));
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
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++)
            unit[i] = v[i] / norm;
        return unit;
    }
}
