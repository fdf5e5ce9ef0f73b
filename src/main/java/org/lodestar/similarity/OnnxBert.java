package org.lodestar.similarity;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BERT encoder in ONNX Runtime that runs many windows at once: padded to the longest of the
 * batch, the attention mask zero on the padding, and each window's last hidden states averaged over
 * its own tokens only, in the order and float arithmetic of langchain4j's mean pooling (which sees
 * no padding, one window per run).
 */
final class OnnxBert implements AutoCloseable {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean typeIds;

    OnnxBert(String resource, MiniLm.Tuning tuning) {
        this.environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = options(tuning)) {
            this.session = environment.createSession(PerTextQuantization.rewrite(read(resource)), options);
            Set<String> inputs = session.getInputNames();
            this.typeIds = inputs.contains("token_type_ids");
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the model " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * The thread settings of {@code tuning}; graph optimisation stays at the runtime's default, the
     * one langchain4j runs with, since fusing differently could change the arithmetic.
     */
    private static OrtSession.SessionOptions options(MiniLm.Tuning tuning) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(tuning.intraOpThreads());
        o.setInterOpNumThreads(tuning.interOpThreads());
        o.setExecutionMode(tuning.parallel() ? OrtSession.SessionOptions.ExecutionMode.PARALLEL
                : OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        if (!tuning.spinning()) // idle workers sleep instead of spinning between runs: the machine is shared
            o.addConfigEntry("session.intra_op.allow_spinning", "0");
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

    /** One mean-pooled vector per window, in order. */
    float[][] pool(List<BertWindows.Window> batch) {
        int rows = batch.size(), width = 0;
        for (BertWindows.Window w : batch)
            width = Math.max(width, w.length());
        long[] ids = new long[rows * width], mask = new long[rows * width], types = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            BertWindows.Window w = batch.get(r);
            System.arraycopy(w.ids(), 0, ids, r * width, w.length());
            System.arraycopy(w.typeIds(), 0, types, r * width, w.length());
            for (int p = 0; p < w.length(); p++)
                mask[r * width + p] = 1;
        }
        long[] shape = {rows, width};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (typeIds)
                inputs.put("token_type_ids", typesTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] dims = hidden.getInfo().getShape();
                if (dims.length != 3 || dims[0] != rows || dims[1] != width)
                    throw new IllegalStateException("the model's first output has shape " + java.util.Arrays.toString(dims)
                            + ", not [" + rows + ", " + width + ", d]");
                return meanPool(hidden.getFloatBuffer(), batch, width, (int) dims[2]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the model failed on a batch of " + rows + " windows of up to " + width
                    + " tokens: " + e.getMessage(), e);
        }
    }

    /** Summed position by position from the first, then divided by the count: langchain4j's meanPool, padding left out. */
    private static float[][] meanPool(FloatBuffer hidden, List<BertWindows.Window> batch, int width, int dimensions) {
        float[][] pooled = new float[batch.size()][];
        for (int r = 0; r < batch.size(); r++) {
            int n = batch.get(r).length();
            float[] sum = new float[dimensions];
            for (int p = 0; p < n; p++) {
                int at = (r * width + p) * dimensions;
                for (int j = 0; j < dimensions; j++)
                    sum[j] += hidden.get(at + j);
            }
            for (int j = 0; j < dimensions; j++)
                sum[j] /= n;
            pooled[r] = sum;
        }
        return pooled;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the model session: " + e.getMessage(), e);
        }
    }
}
