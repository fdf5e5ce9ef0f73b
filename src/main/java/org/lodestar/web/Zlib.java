package org.lodestar.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.lodestar.rdf.Uris;

/**
 * zlib, which is what HTTP calls the {@code deflate} content coding: the document store keeps its
 * documents this way, so one can be sent as it is to a client that takes that coding.
 */
final class Zlib {
    /**
     * What this deflater makes of a fixed text: another zlib (a JDK or system library upgrade, a
     * replica) may deflate the same body to other bytes. The document file's stamp carries it, so a
     * file deflated elsewhere is rendered again rather than mixed with bodies deflated here; a short
     * text cannot prove two deflaters alike, which is why the deflated answers' ETags are weak.
     */
    static final String FINGERPRINT = Uris.hash(deflate(("@prefix kg: <https://example.org/kg/> .\n"
            + "kg:a kg:b \"deflate fingerprint\" , \"deflate fingerprint\" ; kg:c kg:a .\n").repeat(8)
            .getBytes(StandardCharsets.UTF_8)), 16);

    private Zlib() {}

    static byte[] deflate(byte[] body) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished())
                out.write(buffer, 0, deflater.deflate(buffer));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
