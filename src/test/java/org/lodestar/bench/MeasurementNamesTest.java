package org.lodestar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code --measure} names the measurements the bench runs, so the two lists must agree. */
class MeasurementNamesTest {
    @Test
    void theOptionNamesEveryMeasurementInRunOrder() {
        assertEquals(BenchSettings.MEASUREMENTS, Bench.measurements(null).stream().map(Measurement::name).toList());
    }
}
