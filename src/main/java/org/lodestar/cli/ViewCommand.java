package org.lodestar.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.ontology.Ontology;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.view.EntityView;
import org.lodestar.view.ViewFormat;
import org.lodestar.view.ViewOptions;
import org.lodestar.view.Views;

/**
 * {@code view ID [--db DIR] [--format text|json|html] [--page N] [--group TYPE] [--page-size N]
 * [--threshold X] [--similarity imported|computed|both] [--base URI]}: one entity's ranked neighbourhood view, written to standard output
 * as UTF-8. Exit 1 when the database holds no such entity, 2 when the command line is wrong.
 */
final class ViewCommand implements CliCommand {
    record Settings(String typeKey, String slug, Path db, ViewFormat format, ViewOptions options, String base) {}

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("db").hasArg().argName("DIR").desc("TDB2 database folder (default data/tdb2)").get())
                .addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT").desc("text (the seed page format, default), json or html").get())
                .addOption(Option.builder().longOpt("page").hasArg().argName("N").desc("page of each group to show (default 1)").get())
                .addOption(Option.builder().longOpt("group").hasArg().argName("TYPE").desc("show only the group of this type key, e.g. concept").get())
                .addOption(Option.builder().longOpt("page-size").hasArg().argName("N").desc("members per group and page (default " + ViewOptions.DEFAULT_PAGE_SIZE + ")").get())
                .addOption(Option.builder().longOpt("threshold").hasArg().argName("X").desc("lowest similarity score shown (default " + ViewOptions.DEFAULT_THRESHOLD + ")").get())
                .addOption(Option.builder().longOpt("similarity").hasArg().argName("MODE").desc("similarity links shown: " + SimilarityMode.choices() + " (default both)").get())
                .addOption(Option.builder().longOpt("base").hasArg().argName("URI").desc("base the database's URIs were minted under (default: the one it was built with)").get());
    }

    @Override
    public String arguments() { return "ID"; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Ontology ontology = Ontology.load();
        Settings s = settings(line, ontology);
        KnowledgeStore store = Preflight.open(s.db());
        String base = Args.base(s.base(), store, s.db());
        Views views = new Views(store, ontology, base);
        Optional<EntityView> view = views.find(s.typeKey(), s.slug(), s.options());
        if (view.isEmpty()) {
            err.println("lodestar view: no entity " + s.typeKey() + ":" + s.slug() + " in the database at " + s.db()
                    + " (with base " + base + ")");
            return Main.FAILED;
        }
        byte[] bytes = Views.render(view.get(), s.format()).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
        return Main.OK;
    }

    static Settings settings(CommandLine line, Ontology ontology) throws UsageException {
        if (line.getArgList().size() != 1)
            throw new UsageException("ID: give exactly one entity id, e.g. concept:alignment-faking");
        String id = line.getArgList().get(0);
        int colon = id.indexOf(':');
        String type = colon < 0 ? "" : id.substring(0, colon), slug = id.substring(colon + 1);
        if (ontology.classForKey(type).isEmpty())
            throw new UsageException("ID: '" + id + "' does not start with a type key (one of "
                    + String.join(", ", ontology.vocabulary().typeKeys().stream().sorted().toList()) + ") and ':'");
        if (!Views.SLUG.matcher(slug).matches())
            throw new UsageException("ID: '" + slug + "' is not a slug (lower-case letters and digits joined by single '-')");
        String formatName = line.getOptionValue("format", "text");
        ViewFormat format = ViewFormat.named(formatName)
                .orElseThrow(() -> new UsageException("--format: '" + formatName + "' is not one of text, json, html"));
        String group = line.getOptionValue("group");
        if (group != null && ontology.classForKey(group).map(c -> !c.hasGroup()).orElse(true))
            throw new UsageException("--group: '" + group + "' is not the type key of a group (one of "
                    + String.join(", ", ontology.groupClasses().stream().map(c -> c.typeKey()).toList()) + ")");
        int page = (int) Args.number(line, "page", 1, 1, Integer.MAX_VALUE);
        int size = (int) Args.number(line, "page-size", ViewOptions.DEFAULT_PAGE_SIZE, 1, 100_000);
        String modeName = line.getOptionValue("similarity", SimilarityMode.BOTH.word());
        SimilarityMode mode = SimilarityMode.named(modeName)
                .orElseThrow(() -> new UsageException("--similarity: '" + modeName + "' is not one of " + SimilarityMode.choices()));
        ViewOptions options = new ViewOptions(threshold(line), size, page, group, mode.showsImported(), mode.showsComputed());
        Path db = Args.path(line, "db", BuildCommand.DEFAULT_DB);
        if (!Files.isDirectory(db))
            throw new UsageException("--db: no database at " + db + " (run 'lodestar build' first)");
        return new Settings(type, slug, db, format, options, Args.givenBase(line));
    }

    private static BigDecimal threshold(CommandLine line) throws UsageException {
        String value = line.getOptionValue("threshold");
        if (value == null)
            return ViewOptions.DEFAULT_THRESHOLD;
        try {
            BigDecimal t = new BigDecimal(value.trim());
            if (t.signum() >= 0 && t.compareTo(BigDecimal.ONE) <= 0)
                return t;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threshold: '" + value + "' is not a number from 0 to 1");
    }
}
