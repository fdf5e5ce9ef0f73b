package org.lodestar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.KG;
import org.lodestar.store.BuildFailedException;
import org.lodestar.store.BuildReport;

/**
 * What a curator waits for: a build after no change ({@code noop_build_s}), and after editing
 * the description of one ordinary page ({@code edit_build_s}) and of the largest hub's page
 * ({@code hub_edit_build_s}), each timed from the build's start until the running server sends
 * the changed description. The baseline is the first build of the same pages, in the same run
 * ({@code edit_vs_first_build}: how many edit builds fit in it).
 */
final class EditBuilds implements Measurement {
    @Override
    public String name() { return "editing"; }

    @Override
    public void run(BenchContext c, Results r) throws IOException {
        if (c.rebuild() == null || c.entities().isEmpty()) {
            // a kept database has no pages to edit here
            r.put("noop_build_s", null).put("edit_build_s", null).put("hub_edit_build_s", null);
            return;
        }
        try {
            long start = System.nanoTime();
            BuildReport noop = c.rebuild().run();
            r.put("noop_build_s", (System.nanoTime() - start) / 1e9);
            c.log().println("no-change build: " + noop);
            // entities that are only mentioned have no page of their own to edit
            Target ordinary = withPage(c, c.entities().subList(c.entities().size() / 2, c.entities().size())),
                    hub = withPage(c, c.entities());
            r.put("edit_build_s", edit(c, ordinary, "edit_build"));
            double hubEdit = edit(c, hub, "hub_edit_build");
            r.put("hub_edit_build_s", hubEdit);
            r.put("hub_edit_degree", hub.degree());
            if (r.get("first_build_s") instanceof Double first)
                r.put("edit_vs_first_build", first / (double) r.get("edit_build_s")).put("hub_edit_vs_first_build", first / hubEdit)
                        .put("noop_vs_first_build", first / (double) r.get("noop_build_s"));
        } catch (BuildFailedException e) {
            throw new IOException("an edit build failed: " + e.getMessage() + " " + e.messages(), e);
        }
    }

    /** Changes the description on {@code target}'s page, builds, and fetches its description until it shows the change. */
    private static double edit(BenchContext c, Target target, String name) throws IOException, BuildFailedException {
        Path page = page(c, target);
        String marker = "Edited by the benchmark " + System.nanoTime();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Files.writeString(page, withDescription(text, marker), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        BuildReport report = c.rebuild().run();
        String doc = c.http().text(target.path("doc", ".ttl"), "text/turtle");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (doc == null || !doc.contains(marker))
            throw new IOException(name + ": the description of " + target.iri() + " does not show the edit after the build (" + report + ")");
        c.log().printf("%s: %s, %.2f s to the changed description (%s, degree %d)%n", name, report, seconds, target.iri(), target.degree());
        return seconds;
    }

    /** The first of {@code targets} that a page of its own declares. */
    private static Target withPage(BenchContext c, List<Target> targets) throws IOException {
        for (Target t : targets)
            if (seedGraph(c, t) != null)
                return t;
        throw new IOException("no entity of " + targets.size() + " has a seed page of its own");
    }

    private static Node seedGraph(BenchContext c, Target target) {
        return Txn.calculateRead(c.store().dataset(), () -> {
            var found = c.store().dataset().find(Node.ANY, target.iri(), KG.seedPage, Node.ANY);
            return found.hasNext() ? found.next().getObject() : null;
        });
    }

    /** The seed file an entity was declared on: its kg:seedPage names the page's graph, {base}graph/seed/{name}. */
    private static Path page(BenchContext c, Target target) throws IOException {
        Node graph = seedGraph(c, target);
        String prefix = c.uris().base() + "graph/seed/";
        if (graph == null || !graph.getURI().startsWith(prefix))
            throw new IOException(target.iri() + " has no seed page");
        Path seeds = c.work().resolve("seeds").normalize();
        Path file = seeds.resolve(graph.getURI().substring(prefix.length())).normalize();
        if (!file.startsWith(seeds) || !Files.isRegularFile(file))
            throw new IOException(target.iri() + ": its seed page " + file + " is not in " + seeds);
        return file;
    }

    /** The page with its description line (the fourth line with text: type, status, id, description) replaced. */
    static String withDescription(String page, String description) {
        List<String> lines = List.of(page.split("\n", -1));
        StringBuilder out = new StringBuilder(page.length() + description.length());
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && ++seen == 4)
                line = description + (line.endsWith("\r") ? "\r" : "");
            out.append(line);
            if (i < lines.size() - 1)
                out.append('\n');
        }
        return out.toString();
    }
}
