package org.lodestar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code --measure} names the measurements the bench runs, so the two lists must agree. */
class MeasurementNamesTest {
    @Test
    void theOptionNamesEveryMeasurementInRunOrder() {
        assertEquals(BenchSettings.MEASUREMENTS, Bench.measurements(null).stream().map(Measurement::name).toList());
    }

    @Test
    void settingsRefuseAnUnknownMeasurement() {
        assertThrows(IllegalArgumentException.class, () -> new BenchSettings(10, 1, null, Path.of("."), 1, 1, 1, false, false,
                Set.of("views", "speed")));
    }
}
