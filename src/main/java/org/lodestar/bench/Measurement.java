package org.lodestar.bench;

import java.io.IOException;

/**
 * One thing the benchmark measures against its baseline, in the same run. A measurement whose
 * feature is not there yet records null for its figures and says so in {@code notes}.
 */
interface Measurement {
    String name();

    void run(BenchContext context, Results results) throws IOException, InterruptedException;
}
