package org.lodestar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.lodestar.bench.BenchSettings;

class BenchCommandTest {
    private static BenchSettings settings(String... args) throws Exception {
        BenchCommand command = new BenchCommand();
        return BenchCommand.settings(new DefaultParser().parse(command.options(), args));
    }

    @Test
    void everyMeasurementRunsUnlessSomeAreNamed() throws Exception {
        assertEquals(Set.copyOf(BenchSettings.MEASUREMENTS), settings("--entities", "10").measure());
    }

    @Test
    void namedMeasurementsAreTrimmedMergedAndMayBeGivenTwice() throws Exception {
        assertEquals(Set.of("views", "similarity"),
                settings("--entities", "10", "--measure", " views , views", "--measure", "similarity").measure());
    }
}
