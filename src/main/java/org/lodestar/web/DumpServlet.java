package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.system.Txn;

/**
 * {@code /dump/lodestar.nt.gz} and {@code /dump/lodestar.ttl}: the whole dataset (the union of its
 * graphs), streamed from one read transaction so memory does not grow with the data. There are
 * exactly these two names; nothing is read from disk, so no path can reach a file.
 */
final class DumpServlet extends HttpServlet {
    static final String NT_GZ = "lodestar.nt.gz", TTL = "lodestar.ttl";

    private final Site site;

    DumpServlet(Site site) { this.site = site; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, true);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, false);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) { Http.options(resp); }

    private void serve(HttpServletRequest req, HttpServletResponse resp, boolean body) throws IOException {
        Http.cors(resp);
        String name = req.getPathInfo() == null ? "" : req.getPathInfo();
        boolean gz = name.equals("/" + NT_GZ);
        if (!gz && !name.equals("/" + TTL)) {
            NotFound.send(req, resp, "The dumps are /dump/" + NT_GZ + " and /dump/" + TTL + ".", null);
            return;
        }
        Versions.DataVersion version = site.version();
        if (Http.validators(req, resp, Http.etag(version.hash(), Versions.code(), name), version.modified()))
            return;
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(gz ? "application/gzip" : Format.TURTLE.contentType());
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + (gz ? NT_GZ : TTL) + "\"");
        if (!body)
            return;
        Txn.executeRead(site.dataset(), () -> {
            try (OutputStream out = gz ? new GZIPOutputStream(resp.getOutputStream(), 1 << 16) : resp.getOutputStream()) {
                StreamRDF stream = StreamRDFWriter.getWriterStream(out, gz ? RDFFormat.NTRIPLES_UTF8 : RDFFormat.TURTLE_BLOCKS);
                stream.start();
                if (!gz)
                    StreamRDFOps.sendPrefixesToStream(RdfOutput.prefixes(), stream);
                site.dataset().getUnionGraph().find().forEachRemaining(stream::triple);
                stream.finish();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
