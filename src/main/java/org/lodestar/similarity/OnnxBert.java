package org.lodestar.similarity;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A BERT encoder in ONNX Runtime: one window per run, its last hidden states averaged in the order
 * and float arithmetic of langchain4j's mean pooling. The graph and its optimisation are the ones
 * langchain4j runs, so the output is the same; only the threads are set for the machine.
 */
final class OnnxBert {
    /**
     * The Java half of ONNX Runtime warns through java.util.logging when it cannot extract a GPU
     * provider's library; held here because a logger nobody references forgets its level.
     */
    private static final java.util.logging.Logger ORT_JAVA_LOG = java.util.logging.Logger.getLogger("ai.onnxruntime");

    static {
        ORT_JAVA_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean typeIds;

    /**
     * How the runtime's threads are set.
     *
     * @param intraOp  threads that share each operator
     * @param interOp  threads that run independent operators side by side (only with {@code parallel})
     * @param parallel the runtime's parallel execution mode instead of sequential
     * @param spinning idle runtime threads spin, waiting for work, instead of sleeping
     */
    record Threads(int intraOp, int interOp, boolean parallel, boolean spinning) {
        /**
         * One thread per run, the caller's, and no spinning: for texts run side by side, one per
         * core. Measured on two shared cores: 1.6-2.3x langchain4j's rate, against 0.7-1.7x for one
         * text at a time with a thread per core inside each operator (which hands work over between
         * threads hundreds of times per run); spinning idle threads, the runtime's default that
         * langchain4j keeps, doubled the CPU per text on the busy machine (7.8 ms against 3.9).
         */
        static final Threads ONE_PER_RUN = new Threads(1, 1, false, false);
    }

    OnnxBert(String resource, Threads threads) {
        // ONNX Runtime logs warnings to stderr from native code (at start, newer versions probe for
        // GPUs through /sys/class/drm and warn on every machine without one). Its messages are
        // never the user's business here: failures come back as OrtExceptions, so log errors only.
        // The level is the environment's, fixed when the first one is made: this is that call.
        this.environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lodestar");
        try (OrtSession.SessionOptions options = options(threads)) {
            this.session = environment.createSession(read(resource), options);
            this.typeIds = session.getInputNames().contains("token_type_ids");
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the model " + resource + ": " + e.getMessage(), e);
        }
    }

    private static OrtSession.SessionOptions options(Threads threads) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        o.setIntraOpNumThreads(threads.intraOp());
        o.setInterOpNumThreads(threads.interOp());
        o.setExecutionMode(threads.parallel() ? OrtSession.SessionOptions.ExecutionMode.PARALLEL
                : OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        o.addConfigEntry("session.intra_op.allow_spinning", threads.spinning() ? "1" : "0");
        return o;
    }

    private static byte[] read(String resource) {
        try (InputStream in = OnnxBert.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("the model " + resource + " is not on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + resource, e);
        }
    }

    /** The window's last hidden states, summed position by position from the first, then divided by their count. */
    float[] meanPool(BertWindows.Window window) {
        long[] shape = {1, window.length()};
        long[] mask = new long[window.length()];
        Arrays.fill(mask, 1);
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(window.ids()), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(window.typeIds()), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", ids);
            inputs.put("attention_mask", attention);
            if (typeIds)
                inputs.put("token_type_ids", types);
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] dims = hidden.getInfo().getShape();
                if (dims.length != 3 || dims[0] != 1 || dims[1] != window.length())
                    throw new IllegalStateException("the model's first output has shape " + Arrays.toString(dims)
                            + ", not [1, " + window.length() + ", d]");
                return meanPool(hidden.getFloatBuffer(), window.length(), (int) dims[2]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the model failed on a window of " + window.length() + " tokens: " + e.getMessage(), e);
        }
    }

    private static float[] meanPool(FloatBuffer hidden, int positions, int dimensions) {
        float[] sum = new float[dimensions];
        for (int p = 0; p < positions; p++)
            for (int j = 0; j < dimensions; j++)
                sum[j] += hidden.get(p * dimensions + j);
        for (int j = 0; j < dimensions; j++)
            sum[j] /= positions;
        return sum;
    }
}
