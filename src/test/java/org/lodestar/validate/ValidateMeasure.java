package org.lodestar.validate;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
public final class ValidateMeasure {
    private ValidateMeasure() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ValidateMeasure FOLDER [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Ontology ontology = Ontology.load();
        Uris uris = new Uris("http://localhost:8080/");
        Conversion conversion = new Pipeline(ontology, ShapesValidator.load(), uris)
                .run(SeedFiles.folder(Path.of(args[0])), false).conversion();
        System.out.printf(Locale.ROOT, "%,d pages, %,d processors, load average %s%n", conversion.graphs().size(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Map<ShapesValidator.Engine, List<Double>> seconds = new EnumMap<>(ShapesValidator.Engine.class);
        Map<ShapesValidator.Engine, List<Finding>> findings = new EnumMap<>(ShapesValidator.Engine.class);
        for (int round = 1; round <= rounds; round++)
            for (ShapesValidator.Engine engine : ShapesValidator.Engine.values()) {
                Pipeline pipeline = new Pipeline(ontology, ShapesValidator.load(engine), uris);
                System.gc();
                long start = System.nanoTime();
                List<Finding> found = pipeline.check(conversion, conversion.graphs().keySet(), PhaseClock.NONE);
                double s = (System.nanoTime() - start) / 1e9;
                seconds.computeIfAbsent(engine, e -> new ArrayList<>()).add(s);
                findings.put(engine, found);
                System.out.printf(Locale.ROOT, "round %d  %-11s validate %8.2f s  %,d findings%n", round, engine, s, found.size());
            }
        boolean same = findings.get(ShapesValidator.Engine.JENA_SHACL).equals(findings.get(ShapesValidator.Engine.WHOLE_GRAPH));
        double before = best(seconds.get(ShapesValidator.Engine.JENA_SHACL)), after = best(seconds.get(ShapesValidator.Engine.WHOLE_GRAPH));
        System.out.printf(Locale.ROOT, "%nvalidate_s  whole-graph %.2f  jena-shacl %.2f  ratio %.2fx  (best of %d; same findings: %s)%n",
                after, before, before / after, rounds, same);
        if (!same)
            System.exit(1);
    }

    private static double best(List<Double> s) {
        return s.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
}
