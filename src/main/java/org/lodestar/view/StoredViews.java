package org.lodestar.view;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.util.ClasspathFolder;

/**
 * The whole default views of the entities with many typed edges, made ahead and kept beside the
 * database, in the side file of the descriptions (the web package's DocStore), never in the
 * dataset. A view costs in proportion to what it shows, and a hub shows a full page of every
 * group, every justification behind each member and a page of similar entities (~400 KB of JSON
 * for the largest at 20,000 entities, 100-200 ms to make on a graph that has outgrown memory). So
 * the records ({@link EntityView}, as JSON) of each entity with more than {@link #MIN_DEGREE}
 * typed edges are made with the server's default options, and a view asked for with those options
 * ({@link #serves}) is read back and rendered in whatever format was asked for. The records are
 * made by {@link ViewBuilder}, the code that makes every other view at request time, so a stored
 * view is the view made per request; they are read only by the code that wrote them
 * ({@link #CODE} goes into the file's stamp).
 */
public final class StoredViews {
    /**
     * An entity with more typed edges (kg:degree) than this, half a page, has its view stored: on a
     * graph too large to stay in memory, making a view at request time costs more than the view
     * target allows from about this many edges up (README, Benchmarks). Views of the others are cheap.
     */
    public static final int MIN_DEGREE = ViewOptions.DEFAULT_PAGE_SIZE / 2;
    /**
     * A hash of what makes the records: this package's classes (renderers too, which only costs a
     * render when they change), the queries and the ontology.
     */
    public static final String CODE = codeHash();
    /** What the keys of stored views start with in the side file, as the paths they answer do. */
    public static final String PREFIX = "/view/";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private StoredViews() {}

    /** Where the view of {@code type:slug} is kept in the side file: its own key beside the documents'. */
    public static String path(String typeKey, String slug) {
        return PREFIX + typeKey + "/" + slug;
    }

    /**
     * Whether a view stored with {@code stored} answers a request for {@code asked}: the first page
     * of every group, at the same page size, threshold (0.650 is 0.65) and kinds of similarity link.
     */
    public static boolean serves(ViewOptions asked, ViewOptions stored) {
        return asked.page() == 1 && asked.group() == null && asked.pageSize() == stored.pageSize()
                && asked.threshold().compareTo(stored.threshold()) == 0
                && asked.imported() == stored.imported() && asked.computed() == stored.computed();
    }

    /** Makes the records of views worth storing; one per thread, used inside its read transaction. */
    public static Maker maker(DatasetGraph dataset, Ontology ontology, Uris uris, ViewOptions options) {
        return new Maker(dataset, ontology, uris, options);
    }

    /** A stored view, as the view asked for with {@code asked} (which {@link #serves} it): the threshold as asked. */
    public static EntityView read(byte[] records, ViewOptions asked) {
        EntityView v = GSON.fromJson(new String(records, StandardCharsets.UTF_8), EntityView.class);
        EntityView.Similar similar = v.similar() == null ? null
                : new EntityView.Similar(asked.threshold(), v.similar().count(), v.similar().members());
        return new EntityView(v.uri(), v.id(), v.typeKey(), v.slug(), v.status(), v.label(), v.description(),
                v.seedPage(), v.groups(), similar, asked);
    }

    /** See {@link #maker}. */
    public static final class Maker {
        private final DatasetGraph dataset;
        private final Uris uris;
        private final ViewOptions options;
        private final ViewBuilder builder;

        private Maker(DatasetGraph dataset, Ontology ontology, Uris uris, ViewOptions options) {
            if (!serves(options, options))
                throw new IllegalArgumentException("views are stored for the first page of every group only: " + options);
            this.dataset = dataset;
            this.uris = uris;
            this.options = options;
            this.builder = new ViewBuilder(dataset, new EntityIds(ontology, uris.base()));
        }

        /** The records of the view of {@code type:slug} as JSON, when it has more than {@link #MIN_DEGREE} typed edges. */
        public Optional<byte[]> make(String typeKey, String slug) {
            Node focus = NodeFactory.createURI(uris.base() + "id/" + typeKey + "/" + slug);
            if (degree(focus) <= MIN_DEGREE)
                return Optional.empty();
            return builder.build(focus, slug, options).map(v -> GSON.toJson(v).getBytes(StandardCharsets.UTF_8));
        }

        /** The kg:degree the build wrote for {@code focus}; 0 when none (one index lookup). */
        private long degree(Node focus) {
            Iterator<Quad> found = dataset.find(uris.derivedGraph(), focus, KG.degree, Node.ANY);
            if (!found.hasNext())
                return 0;
            Object value = found.next().getObject().getLiteralValue();
            return value instanceof Number n ? n.longValue() : 0;
        }
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
