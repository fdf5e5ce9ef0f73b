package org.lodestar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void aKeptDatabaseIsMeasuredForViewsAndDereferencingOnly(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tdb2/Data-0001"));
        String db = dir.resolve("tdb2").toString();
        UsageException notTdb2 = assertThrows(UsageException.class, () -> settings("--db", dir.toString()));
        assertTrue(notTdb2.getMessage().contains("is not a TDB2 database"), notTdb2.getMessage());
        BenchSettings s = settings("--db", db);
        assertEquals(Set.copyOf(BenchSettings.OF_A_DATABASE), s.measure());
        assertEquals(Path.of(db), s.db());
        assertEquals(Set.of("dereferencing"), settings("--db", db, "--measure", "dereferencing").measure());
        UsageException loading = assertThrows(UsageException.class, () -> settings("--db", db, "--measure", "views,loading"));
        assertTrue(loading.getMessage().contains("'loading'") && loading.getMessage().contains("--db"), loading.getMessage());
        UsageException both = assertThrows(UsageException.class, () -> settings("--db", db, "--entities", "10"));
        assertTrue(both.getMessage().contains("--entities") && both.getMessage().contains("--db"), both.getMessage());
        UsageException missing = assertThrows(UsageException.class, () -> settings("--db", "/no/such/folder"));
        assertTrue(missing.getMessage().startsWith("--db: /no/such/folder"), missing.getMessage());
        assertTrue(assertThrows(UsageException.class, () -> settings()).getMessage().contains("--entities N is required"));
    }
}
