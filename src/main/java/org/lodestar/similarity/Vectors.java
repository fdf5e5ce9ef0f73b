package org.lodestar.similarity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Arithmetic on embedding vectors. Cosines are computed in double from unit float vectors. */
public final class Vectors {
    private Vectors() {}

    /** A unit-length copy; the model's output is already close to unit length, this makes it exact enough. */
    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v)
            sum += (double) x * x;
        double norm = Math.sqrt(sum);
        float[] unit = new float[v.length];
        if (norm == 0)
            return unit;
        for (int i = 0; i < v.length; i++)
            unit[i] = (float) (v[i] / norm);
        return unit;
    }

    /** The cosine of two unit vectors: their dot product. Four sums, so the JIT can overlap them. */
    public static double cosine(float[] a, float[] b) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0, n = a.length;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++)
            s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** A score as stored: three decimals, half up, clamped to [0, 1] as the shapes require. */
    public static BigDecimal score(double cosine) {
        double clamped = Math.max(0, Math.min(1, cosine));
        return BigDecimal.valueOf(clamped).setScale(3, RoundingMode.HALF_UP);
    }
}
