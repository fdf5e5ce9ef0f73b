package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;

/** Views as data: every folder under {@code src/test/resources/views/} is a case (see the README there). */
class ViewCasesTest {
    static final Path CASES = Path.of("src/test/resources/views");

    static Stream<String> cases() throws Exception {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseRendersAsExpected(String name) throws Exception {
        Path dir = CASES.resolve(name);
        KnowledgeStore store = store(dir);
        List<String> focus = Files.readAllLines(dir.resolve("focus.txt")).stream().filter(l -> !l.isBlank()).toList();
        ViewOptions options = options(focus.subList(1, focus.size()));
        EntityView view = ViewFixtures.view(store, focus.get(0).strip(), options);
        Path text = dir.resolve("expected.txt"), json = dir.resolve("expected.json");
        assertTrue(Files.exists(text) || Files.exists(json), name + ": no expected.txt or expected.json");
        if (Files.exists(text))
            assertEquals(Files.readString(text, StandardCharsets.UTF_8), Views.render(view, ViewFormat.TEXT), name);
        if (Files.exists(json)) {
            String actual = Views.render(view, ViewFormat.JSON);
            match(JSON.parseAny(Files.readString(json, StandardCharsets.UTF_8)), JSON.parseAny(actual), "$", actual);
        }
    }

    /** The store of a case: its pages built, its TriG files loaded. */
    static KnowledgeStore store(Path dir) throws Exception {
        Path pages = dir.resolve("pages");
        KnowledgeStore store = Files.isDirectory(pages) ? ViewFixtures.build(SeedFiles.folder(pages)) : KnowledgeStore.inMemory();
        List<Path> extra;
        try (Stream<Path> files = Files.list(dir)) {
            extra = files.filter(f -> f.toString().endsWith(".trig")).sorted().toList();
        }
        Txn.executeWrite(store.dataset(), () -> {
            if (!Files.isDirectory(pages))
                ViewFixtures.ONTOLOGY.graph().find().forEachRemaining(t -> store.dataset()
                        .add(new Uris(ViewFixtures.BASE).ontologyGraph(), t.getSubject(), t.getPredicate(), t.getObject()));
            extra.forEach(f -> RDFDataMgr.read(store.dataset(), f.toString()));
        });
        return store;
    }

    private static ViewOptions options(List<String> lines) {
        Map<String, String> o = lines.stream().map(l -> l.split("=", 2))
                .collect(Collectors.toMap(p -> p[0].strip(), p -> p[1].strip()));
        return new ViewOptions(new BigDecimal(o.getOrDefault("threshold", "0.65")),
                Integer.parseInt(o.getOrDefault("pageSize", "50")), Integer.parseInt(o.getOrDefault("page", "1")),
                o.get("group"));
    }

    /** Objects: the keys the pattern names; arrays: same length, element by element; numbers by value. */
    static void match(JsonValue pattern, JsonValue actual, String path, String whole) {
        if (pattern.isObject()) {
            if (!actual.isObject())
                fail(path + ": expected an object, got " + actual + "\n" + whole);
            JsonObject p = pattern.getAsObject(), a = actual.getAsObject();
            for (String key : p.keys()) {
                if (!a.hasKey(key))
                    fail(path + "." + key + ": missing\n" + whole);
                match(p.get(key), a.get(key), path + "." + key, whole);
            }
        } else if (pattern.isArray()) {
            if (!actual.isArray())
                fail(path + ": expected an array, got " + actual + "\n" + whole);
            JsonArray p = pattern.getAsArray(), a = actual.getAsArray();
            assertEquals(p.size(), a.size(), path + ": length\n" + whole);
            for (int i = 0; i < p.size(); i++)
                match(p.get(i), a.get(i), path + "[" + i + "]", whole);
        } else if (pattern.isNumber() && actual.isNumber()) {
            BigDecimal p = new BigDecimal(pattern.getAsNumber().value().toString());
            BigDecimal a = new BigDecimal(actual.getAsNumber().value().toString());
            assertEquals(0, p.compareTo(a), path + ": expected " + p + ", got " + a + "\n" + whole);
        } else {
            assertEquals(pattern, actual, path + "\n" + whole);
        }
    }
}
