package org.lodestar.cli;

import org.apache.jena.fuseki.system.FusekiLogging;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** The server's log: Fuseki's own request and start-up lines, without the embedding runtime's noise. */
final class ServerLogging {

    /**
     * DJL's tokenizer probes CUDA when its native library loads and warns, twice, on every machine
     * whose CUDA runtime has no matching driver. Lodestar embeds on the CPU, so the probe's answer is
     * never used and the warning only alarms the person reading the start-up lines.
     */
    static final String GPU_PROBE = "ai.djl.util.cuda";

    private ServerLogging() {}

    static void setUp() {
        FusekiLogging.setLogging();
        Configurator.setLevel(GPU_PROBE, Level.ERROR);
    }
}
