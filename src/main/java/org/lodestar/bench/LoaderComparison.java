package org.lodestar.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.loader.base.LoaderOps;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Loading: what our build wrote, dumped as N-Quads (every graph, so the same quads and the same
 * TDB2 indexes), loaded into a fresh TDB2 database by Jena's own parallel bulk loader. Our rate
 * ({@code load_triples_per_s}) is the quads over the time the build spent writing them; the
 * stock loader's time includes parsing the dump, ours does not include parsing the pages (that is
 * {@code build_triples_per_s}, over the whole build).
 */
final class LoaderComparison implements Measurement {
    @Override
    public String name() { return "loading"; }

    @Override
    public void run(BenchContext c, Results r) throws IOException {
        long quads = dump(c.store().dataset(), c.dump());
        c.log().printf("loading: dumped %,d quads (%,d bytes); Jena's parallel loader into a fresh TDB2%n", quads, Files.size(c.dump()));
        Path db = c.work().resolve("stock-tdb2");
        DatasetGraph stock = DatabaseMgr.connectDatasetGraph(db.toString());
        DataLoader loader = LoaderFactory.parallelLoader(stock, LoaderOps.outputToLog());
        long start = System.nanoTime();
        loader.startBulk();
        try {
            loader.load(c.dump().toString());
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long loaded = loader.countQuads() + loader.countTriples();
        TDBInternal.expel(stock);
        r.put("stock_loader_s", seconds);
        r.put("stock_loader_quads", loaded);
        r.put("stock_loader_triples_per_s", loaded / seconds);
        r.put("load_vs_stock", ViewLatency.ratio(r.number("load_triples_per_s"), r.number("stock_loader_triples_per_s")));
        r.put("build_vs_stock", ViewLatency.ratio(r.number("build_triples_per_s"), r.number("stock_loader_triples_per_s")));
    }

    static long dump(DatasetGraph dataset, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
            long[] count = {0};
            writer.start();
            Txn.executeRead(dataset, () -> dataset.find().forEachRemaining(q -> {
                writer.quad(q);
                count[0]++;
            }));
            writer.finish();
            return count[0];
        }
    }
}
