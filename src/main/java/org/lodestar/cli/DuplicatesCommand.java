package org.lodestar.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.similarity.DuplicateCandidates;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;

/**
 * {@code duplicates [--db DIR] [--min SCORE] [--similarity MODE]}: same-class pairs whose similarity
 * reaches the minimum, one per line, best first: score, both ids and labels, then every source with
 * its score, tab-separated so that {@code cut} and spreadsheets read it.
 */
final class DuplicatesCommand implements CliCommand {
    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("db").hasArg().argName("DIR").desc("TDB2 database folder (default data/tdb2)").get())
                .addOption(Option.builder().longOpt("min").hasArg().argName("SCORE")
                        .desc("lowest similarity score of a candidate (default " + SimilaritySettings.DEFAULT_DUPLICATE_MIN + ")").get())
                .addOption(Option.builder().longOpt("similarity").hasArg().argName("MODE")
                        .desc("which links count: " + SimilarityMode.choices() + " (default both)").get());
    }

    @Override
    public String arguments() { return ""; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Args.noArguments(line, "");
        Path db = Args.path(line, "db", BuildCommand.DEFAULT_DB);
        BigDecimal min = min(line);
        String word = line.getOptionValue("similarity", SimilarityMode.BOTH.word());
        SimilarityMode mode = SimilarityMode.named(word).orElseThrow(() ->
                new UsageException("--similarity: '" + word + "' is not one of " + SimilarityMode.choices()));
        // TDB2 would create an empty database at a missing folder: say so instead.
        if (!Files.isDirectory(db))
            throw new UsageException("--db: no database at " + db + " (run 'lodestar build' first)");
        KnowledgeStore store = Preflight.open(db);
        if (store.isEmpty()) {
            err.println("lodestar duplicates: " + store + " holds no seed pages (run 'lodestar build' first)");
            return Main.FAILED;
        }
        warnAboutFloor(store, min, mode, err);
        List<DuplicateCandidates.Pair> pairs = DuplicateCandidates.find(store.dataset(), min, mode);
        for (DuplicateCandidates.Pair p : pairs)
            out.println(line(p));
        err.println(pairs.size() + " duplicate candidate(s) with score >= " + min.toPlainString());
        return Main.OK;
    }

    /** {@code 0.934 TAB concept:a TAB Label A TAB concept:b TAB Label B TAB all-MiniLM-L6-v2 0.934, imported 0.910}. */
    static String line(DuplicateCandidates.Pair p) {
        String sources = p.scores().stream().map(s -> s.source() + " " + s.score().toPlainString()).collect(Collectors.joining(", "));
        return String.join("\t", p.score().toPlainString(), field(p.a().id(), p.a().iri()), field(p.a().label(), ""),
                field(p.b().id(), p.b().iri()), field(p.b().label(), ""), sources);
    }

    private static String field(String value, String fallback) {
        String v = value == null ? fallback : value;
        return v.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static BigDecimal min(CommandLine line) throws UsageException {
        try {
            return DuplicateCandidates.minimum(line.getOptionValue("min"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--min: " + e.getMessage());
        }
    }

    /** Computed links were stored only from the build's threshold up: a lower minimum finds no more of them. */
    private static void warnAboutFloor(KnowledgeStore store, BigDecimal min, SimilarityMode mode, PrintStream err) {
        if (!mode.showsComputed())
            return;
        BigDecimal floor = DuplicateCandidates.storedThreshold(store.dataset()).orElse(null);
        if (floor == null)
            err.println("note: the database holds no computed similarity links (built with --similarity imported?)");
        else if (min.compareTo(floor) < 0)
            err.println("note: computed links were stored from " + floor.toPlainString() + " up; --min "
                    + min.toPlainString() + " finds no computed pair below that");
    }
}
