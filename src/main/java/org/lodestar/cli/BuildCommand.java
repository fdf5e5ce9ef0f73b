package org.lodestar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.similarity.EmbeddingCache;
import org.lodestar.similarity.MiniLm;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.similarity.VectorIndex;
import org.lodestar.store.BuildFailedException;
import org.lodestar.store.BuildReport;
import org.lodestar.store.Described;
import org.lodestar.store.DiskFull;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.replica.PatchPublisher;
import org.lodestar.replica.PublishFailedException;
import org.lodestar.store.SeedBuild;
import org.lodestar.view.ViewOptions;
import org.lodestar.web.DocStore;

/** {@code build [--seeds DIR] [--db DIR] [--base URI] [--strict] [--similarity MODE] [--threshold X] [--k N]}. */
final class BuildCommand implements CliCommand {
    static final String DEFAULT_SEEDS = "seeds", DEFAULT_DB = "data/tdb2";

    @Override
    public Options options() {
        return Replication.options(similarityOptions(new Options()
                .addOption(Option.builder().longOpt("seeds").hasArg().argName("DIR").desc("seed pages (default seeds/)").get())
                .addOption(Option.builder().longOpt("db").hasArg().argName("DIR").desc("TDB2 database folder (default data/tdb2)").get())
                .addOption(Option.builder().longOpt("base").hasArg().argName("URI").desc("base of minted URIs (default: the one the database was built with, else http://localhost:8080/)").get())
                .addOption(Option.builder().longOpt("strict").desc("treat warnings as errors").get())), false);
    }

    /** {@code --similarity}, {@code --threshold}, {@code --k}: shared with {@code serve}. */
    static Options similarityOptions(Options options) {
        return options
                .addOption(Option.builder().longOpt("similarity").hasArg().argName("MODE")
                        .desc("similarity links computed and shown: " + SimilarityMode.choices() + " (default both)").get())
                .addOption(Option.builder().longOpt("threshold").hasArg().argName("X")
                        .desc("lowest cosine of a computed similarity link (default " + SimilaritySettings.DEFAULT_THRESHOLD + ")").get())
                .addOption(Option.builder().longOpt("k").hasArg().argName("N")
                        .desc("computed similarity links kept per entity: its N nearest (default " + SimilaritySettings.DEFAULT_K + ")").get());
    }

    static SimilaritySettings similarity(CommandLine line) throws UsageException {
        String word = line.getOptionValue("similarity", SimilarityMode.BOTH.word());
        SimilarityMode mode = SimilarityMode.named(word).orElseThrow(() ->
                new UsageException("--similarity: '" + word + "' is not one of " + SimilarityMode.choices()));
        if (!mode.computes() && (line.hasOption("threshold") || line.hasOption("k")))
            throw new UsageException("--threshold and --k set computed links, and --similarity " + word + " computes none");
        double threshold = SimilaritySettings.DEFAULT_THRESHOLD;
        String t = line.getOptionValue("threshold");
        if (t != null) {
            try {
                threshold = Double.parseDouble(t.trim());
            } catch (NumberFormatException e) {
                threshold = Double.NaN;
            }
            if (!(threshold >= 0 && threshold <= 1))
                throw new UsageException("--threshold: '" + t + "' is not a cosine from 0 to 1");
        }
        return new SimilaritySettings(mode, threshold, (int) Args.number(line, "k", SimilaritySettings.DEFAULT_K, 1, 10_000));
    }

    @Override
    public String arguments() { return ""; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Args.noArguments(line, " (use --seeds DIR)");
        Path seeds = Args.path(line, "seeds", DEFAULT_SEEDS), db = Args.path(line, "db", DEFAULT_DB);
        String given = Args.givenBase(line);
        boolean strict = line.hasOption("strict");
        SimilaritySettings similarity = similarity(line);
        Replication replication = Replication.of(line);
        // Every option is checked before the database is opened: TDB2 makes its folder on opening.
        Preflight.seeds(seeds);
        List<SeedFile> pages = Lodestar.pages(List.of(seeds), "--seeds");
        Path made = Preflight.toBeMade(db);
        var beside = Preflight.besideFiles(db);
        KnowledgeStore store = Preflight.open(db);
        String base = Args.base(given, store, db);
        int code;
        try (PatchPublisher publisher = replication.publish() == null ? null : PatchPublisher.open(replication.publish(), store.dataset())) {
            if (publisher != null)
                store.publishing(publisher);
            code = build(pages, base, strict, similarity, db, store, out, err);
        } catch (PublishFailedException e) {
            err.println("build failed: " + e.getMessage());
            code = Main.FAILED;
        }
        if (code != Main.OK && made != null)
            Preflight.removeMade(db, made, store, beside);
        return code;
    }

    /**
     * Shared with {@code serve}, which builds into an empty database before it starts.
     *
     * @param db the TDB2 folder, beside which the embedding cache lives; null for an in-memory store
     */
    static int build(List<SeedFile> pages, String base, boolean strict, SimilaritySettings similarity, Path db, KnowledgeStore store,
                     PrintStream out, PrintStream err) {
        EmbeddingCache cache = db == null ? EmbeddingCache.inMemory() : EmbeddingCache.at(EmbeddingCache.besideDatabase(db));
        SimilarityDerivation derivation = new SimilarityDerivation(similarity, cache, MiniLm.get(), Progress.CONSOLE,
                VectorIndex.EXACT_BELOW);
        ViewOptions views = ViewOptions.defaults(similarity);
        // the documents as rendered from the data before this build: it renders again only what it changes
        Optional<String> rendered = db == null ? Optional.empty() : DocStore.currentStamp(store, base, views, DocStore.besideDatabase(db));
        try {
            SeedBuild build = new SeedBuild(Lodestar.pipeline(base), strict, derivation).showing(Progress.CONSOLE);
            BuildReport report = build.run(store, pages);
            out.println("built " + pages.size() + " page(s) into " + store + ": " + report);
            derivation.lastReport().ifPresent(r -> {
                out.println(r);
                if (r.warning() != null)
                    err.println("warning: " + r.warning());
            });
            if (db != null)
                renderDocuments(base, views, db, store, rendered, report.described(), out, err);
            // Last, where they are seen: the pages' warnings, which a build that fails prints as it stops.
            if (!build.warnings().isEmpty()) {
                Lodestar.print(build.warnings(), err);
                err.println(build.warnings().size() + " warning(s)");
            }
            return Main.OK;
        } catch (BuildFailedException e) {
            Lodestar.print(e.messages(), err);
            err.println(e.getMessage());
            return Main.FAILED;
        } catch (PublishFailedException e) {
            // the write transaction aborted: nothing of this build is in the database or the log
            err.println("build failed: " + e.getMessage());
            return Main.FAILED;
        } catch (RuntimeException | InternalError e) {
            // a full disk surfaces from deep inside TDB2; the transaction did not commit
            Optional<String> full = DiskFull.reason(e);
            if (full.isEmpty())
                throw e;
            err.println("build failed: " + full.get() + " while writing " + (db == null ? "the database" : db)
                    + "; nothing was changed, the database holds what it held before");
            return Main.FAILED;
        }
    }

    /**
     * The descriptions the server sends, and the views of the largest entities as a server with
     * these view options shows them, rendered now so that it can send them from its first request.
     * A failure costs the server time, not the build its data: it renders them itself.
     */
    private static void renderDocuments(String base, ViewOptions views, Path db, KnowledgeStore store, Optional<String> before,
                                        Described changed, PrintStream out, PrintStream err) {
        Path file = DocStore.besideDatabase(db);
        try {
            DocStore.render(store, base, views, file, Progress.CONSOLE, before, changed).ifPresent(r -> out.println(r + " in " + file));
        } catch (IOException | RuntimeException e) {
            err.println("warning: the documents were not rendered (" + e.getMessage() + "); the server renders them when it starts");
        }
    }
}
