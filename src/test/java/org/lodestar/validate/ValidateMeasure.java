package org.lodestar.validate;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Conversion;
import org.lodestar.rdf.Uris;

/**
 * The validate phase of a build, timed with jena-shacl alone (the baseline) and with the
 * whole-graph SPARQL constraints, alternately in one JVM, on the same converted pages:
 * {@code ValidateMeasure FOLDER [ROUNDS]}. Both run {@link Pipeline#check} over every page, as a
 * first build does; the findings of the two must be equal, or the run fails. Prints each round,
 * the best of each side, and their ratio. Not a test: at 20,000 entities it takes minutes.
 *
 * <p>{@code --baseline-shapes DIR} gives the baseline the shape files of DIR (another version's
 * {@code shapes/}, e.g. from {@code git archive}), so that it is jena-shacl as it ran before.
 */
public final class ValidateMeasure {
    private ValidateMeasure() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        Path baselineShapes = null;
        int option = rest.indexOf("--baseline-shapes");
        if (option >= 0 && option + 1 < rest.size()) {
            baselineShapes = Path.of(rest.remove(option + 1));
            rest.remove(option);
        }
        if (rest.size() < 1 || rest.size() > 2) {
            System.err.println("usage: ValidateMeasure [--baseline-shapes DIR] FOLDER [ROUNDS]");
            System.exit(2);
        }
        int rounds = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 2;
        Ontology ontology = Ontology.load();
        Uris uris = new Uris("http://localhost:8080/");
        Conversion conversion = new Pipeline(ontology, ShapesValidator.load(), uris)
                .run(SeedFiles.folder(Path.of(rest.get(0))), false).conversion();
        ShapesValidator baseline = baselineShapes == null ? ShapesValidator.load(ShapesValidator.Engine.JENA_SHACL)
                : ShapesValidator.of(shapeFiles(baselineShapes), ShapesValidator.Engine.JENA_SHACL);
        System.out.println("baseline shapes: " + (baselineShapes == null ? "these" : baselineShapes));
        System.out.printf(Locale.ROOT, "%,d pages, %,d processors, load average %s%n", conversion.graphs().size(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Map<ShapesValidator.Engine, List<Double>> seconds = new EnumMap<>(ShapesValidator.Engine.class);
        Map<ShapesValidator.Engine, List<Double>> cpuSeconds = new EnumMap<>(ShapesValidator.Engine.class);
        Map<ShapesValidator.Engine, List<Finding>> findings = new EnumMap<>(ShapesValidator.Engine.class);
        for (int round = 1; round <= rounds; round++)
            for (ShapesValidator.Engine engine : ShapesValidator.Engine.values()) {
                ShapesValidator validator = engine == ShapesValidator.Engine.JENA_SHACL ? baseline : ShapesValidator.load();
                Pipeline pipeline = new Pipeline(ontology, validator, uris);
                System.gc();
                long start = System.nanoTime(), cpuStart = cpu();
                List<Finding> found = pipeline.check(conversion, conversion.graphs().keySet(), PhaseClock.NONE);
                double s = (System.nanoTime() - start) / 1e9, c = (cpu() - cpuStart) / 1e9;
                seconds.computeIfAbsent(engine, e -> new ArrayList<>()).add(s);
                cpuSeconds.computeIfAbsent(engine, e -> new ArrayList<>()).add(c);
                findings.put(engine, found);
                System.out.printf(Locale.ROOT, "round %d  %-11s validate %8.2f s wall %8.2f s cpu  %,d findings  load %.1f%n",
                        round, engine, s, c, found.size(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        boolean same = findings.get(ShapesValidator.Engine.JENA_SHACL).equals(findings.get(ShapesValidator.Engine.WHOLE_GRAPH));
        double before = best(seconds.get(ShapesValidator.Engine.JENA_SHACL)), after = best(seconds.get(ShapesValidator.Engine.WHOLE_GRAPH));
        double cpuBefore = best(cpuSeconds.get(ShapesValidator.Engine.JENA_SHACL)), cpuAfter = best(cpuSeconds.get(ShapesValidator.Engine.WHOLE_GRAPH));
        System.out.printf(Locale.ROOT, "%nvalidate_s      whole-graph %8.2f  jena-shacl %8.2f  ratio %.2fx  (wall, best of %d)%n",
                after, before, before / after, rounds);
        System.out.printf(Locale.ROOT, "validate_cpu_s  whole-graph %8.2f  jena-shacl %8.2f  ratio %.2fx  (this process's CPU time)%n",
                cpuAfter, cpuBefore, cpuBefore / cpuAfter);
        System.out.println("same findings: " + same);
        if (!same)
            System.exit(1);
    }

    private static Map<String, String> shapeFiles(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(f -> f.toString().endsWith(".ttl")).sorted().toList())
                files.put("shapes/" + f.getFileName(), Files.readString(f));
        }
        if (files.isEmpty())
            throw new IOException("no .ttl files in " + dir + " (--baseline-shapes)");
        return files;
    }

    /** CPU time of this process: unlike wall time, hardly changed by other processes on a busy machine. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double best(List<Double> s) {
        return s.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
}
