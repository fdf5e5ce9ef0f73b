package org.lodestar.view;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.util.ClasspathFolder;

/**
 * Whole views of the entities with many typed edges, made at build time. A view costs in proportion to what it shows,
 * and a hub shows a full page of every group, every justification behind each member and a page of
 * similar entities (~400 KB of JSON for the largest at 20,000 entities, 100-200 ms to make even from
 * the stored pages). So the build stores the view records ({@link EntityView}, as JSON in a
 * {@code kg:StoredView}'s {@code kg:viewData}) of each entity with more than {@link #MIN_DEGREE}
 * typed edges, made with the build's similarity settings: those a server started with the same
 * settings shows by default. A view asked for with those options is read back and rendered in
 * whatever format was asked for; any other view is made as usual, as is every view of a server
 * whose threshold or kinds of link differ from the build's.
 *
 * <p>The records are those this code makes, so they are read only by the same code: the derived
 * graph says which code wrote them ({@link #CODE}), and a build with other code derives them again.
 */
public final class StoredViews {
    /**
     * An entity with more typed edges (kg:degree) than this, half a page, has its view stored: on a
     * graph too large to stay in memory, making a view at request time costs more than the view
     * target allows from about this many edges up (README, Benchmarks).
     */
    public static final int MIN_DEGREE = ViewOptions.DEFAULT_PAGE_SIZE / 2;
    /**
     * A hash of what makes the records: this package's classes (renderers too, which only costs a
     * rederive when they change), the queries and the ontology.
     */
    public static final String CODE = codeHash();
    /** {@link #CODE} as the derived graph states it (kg:storedViewCode) and the header query is bound with. */
    static final Node CODE_LITERAL = NodeFactory.createLiteralString(CODE);

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Var FOCUS = Var.alloc("focus");

    private StoredViews() {}

    /** Whether a stored view can answer for these options, besides its threshold and kinds of link. */
    static boolean serves(ViewOptions options) {
        return options.page() == 1 && options.group() == null && options.pageSize() == ViewOptions.DEFAULT_PAGE_SIZE;
    }

    /**
     * The views of every entity with more than {@link #MIN_DEGREE} typed edges, made with
     * {@code options}, as triples for the derived graph. Reads the dataset, which must hold what
     * views read (degrees, and for speed the stored pages and sections); the caller holds a transaction.
     */
    public static Graph make(DatasetGraph dataset, Uris uris, Ontology ontology, ViewOptions options) {
        if (!serves(options))
            throw new IllegalArgumentException("views are stored for the first page of every group only: " + options);
        Graph out = GraphFactory.createDefaultGraph();
        out.add(Triple.create(uris.derivedGraph(), KG.storedViewCode, CODE_LITERAL));
        ViewBuilder builder = new ViewBuilder(dataset, new EntityIds(ontology, uris.base()));
        Binding min = BindingFactory.binding(Var.alloc("minDegree"), HubNeighbourhoods.integer(MIN_DEGREE));
        for (Binding hub : ViewQuery.rows(dataset, ViewQuery.VIEW_HUBS.query(), min)) {
            Node focus = hub.get(FOCUS);
            String slug = focus.getURI().substring(focus.getURI().lastIndexOf('/') + 1);
            builder.build(focus, slug, options).ifPresent(view -> write(out, uris.storedView(focus), focus, options, view));
        }
        return out;
    }

    /**
     * Why the stored views will not be read by a server whose views default to {@code defaults},
     * if there are stored views and that is so: other code made them (or a SPARQL update has set
     * them aside until the next build), or they were made for other similarity options. Decided as
     * the reader decides: the code's hash anywhere in the dataset, the options' exact terms. The
     * caller holds a read transaction.
     */
    public static Optional<String> unread(DatasetGraph dataset, ViewOptions defaults) {
        List<Binding> made = ViewQuery.rows(dataset, ViewQuery.STORED_VIEW_SETTINGS.query(), BindingFactory.empty());
        if (made.isEmpty())
            return Optional.empty();
        long views = made.stream().mapToLong(b -> Rows.integer(b, "views")).sum();
        String stored = String.format(Locale.ROOT, "the %,d stored view%s", views, views == 1 ? "" : "s"),
                are = views == 1 ? " is" : " are", them = views == 1 ? "it" : "them";
        if (!dataset.contains(Node.ANY, Node.ANY, KG.storedViewCode, CODE_LITERAL))
            return Optional.of(stored + are + " not read: another version of Lodestar made " + them
                    + ", or a SPARQL update changed the data since; the next build makes " + them + " again");
        Node threshold = HubSimilarity.threshold(defaults);
        if (made.stream().anyMatch(b -> Rows.node(b, "threshold").equals(threshold)
                && Rows.bool(b, "showImported") == defaults.imported() && Rows.bool(b, "showComputed") == defaults.computed()))
            return Optional.empty();
        Binding most = made.get(0);
        return Optional.of(stored + " (built with " + options(Rows.node(most, "threshold").getLiteralLexicalForm(),
                Rows.bool(most, "showImported"), Rows.bool(most, "showComputed")) + ")" + are + " not read by this server ("
                + options(defaults.threshold().toPlainString(), defaults.imported(), defaults.computed())
                + "): serve with the build's options, or build again with the server's, to read them");
    }

    /** The command-line options that make views show these links: --threshold only where links are computed. */
    private static String options(String threshold, boolean imported, boolean computed) {
        SimilarityMode mode = !computed ? SimilarityMode.IMPORTED : imported ? SimilarityMode.BOTH : SimilarityMode.COMPUTED;
        return "--similarity " + mode.word() + (computed ? " --threshold " + threshold : "");
    }

    private static void write(Graph out, Node stored, Node focus, ViewOptions options, EntityView view) {
        out.add(Triple.create(stored, RDF.type.asNode(), KG.StoredView));
        out.add(Triple.create(stored, KG.viewOf, focus));
        HubSimilarity.madeFor(out, stored, options);
        out.add(Triple.create(stored, KG.viewData, NodeFactory.createLiteralDT(GSON.toJson(view), RDF.dtRDFJSON)));
    }

    /** A stored view, as the view asked for with {@code options} (which it was stored for). */
    static EntityView read(String data, ViewOptions options) {
        EntityView v = GSON.fromJson(data, EntityView.class);
        EntityView.Similar similar = v.similar() == null ? null
                : new EntityView.Similar(options.threshold(), v.similar().count(), v.similar().members());
        return new EntityView(v.uri(), v.id(), v.typeKey(), v.slug(), v.status(), v.label(), v.description(),
                v.seedPage(), v.groups(), similar, options);
    }

    private static String codeHash() {
        List<String> files = new ArrayList<>(ClasspathFolder.listBeside(StoredViews.class, ".class"));
        files.addAll(ClasspathFolder.list("queries", ".rq"));
        files.addAll(ClasspathFolder.list("ontology", ".ttl")); // type keys and groups of the entities a view names
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String file : files) {
            all.writeBytes((file + "\n").getBytes(StandardCharsets.UTF_8));
            all.writeBytes(ClasspathFolder.bytes(file));
        }
        return Uris.hash(all.toByteArray(), 16);
    }
}
