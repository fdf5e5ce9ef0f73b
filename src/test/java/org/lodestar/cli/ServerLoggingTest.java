package org.lodestar.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ServerLoggingTest {

    @Test
    void theGpuProbeIsSilencedWhileFusekiStillLogs() {
        ServerLogging.setUp();
        // The class DJL warns from when a CUDA runtime has no driver (seen twice at every start-up).
        assertFalse(LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").isWarnEnabled(),
                "the GPU probe's warning would still be printed");
        assertTrue(LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").isErrorEnabled(),
                "a real failure of the runtime must still be printed");
        assertTrue(LoggerFactory.getLogger("org.apache.jena.fuseki.Server").isInfoEnabled(),
                "Fuseki's start-up lines must stay");
    }
}
