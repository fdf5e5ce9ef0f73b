package org.lodestar.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lodestar.pipeline.PipelineResult;
import org.lodestar.rdf.Prefixes;

/** {@code convert [--base URI] [--strict] [-o FILE] PATH...}: pages to one Turtle document. */
final class ConvertCommand implements CliCommand {
    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("base").hasArg().argName("URI").desc("base of minted URIs (default http://localhost:8080/)").get())
                .addOption(Option.builder().longOpt("strict").desc("treat warnings as errors").get())
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE").desc("write Turtle here instead of standard output").get());
    }

    @Override
    public String arguments() { return "PATH..."; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        String base = Args.base(line);
        Path output = line.hasOption("output") ? Args.path(line, "output", null) : null;
        PipelineResult result = Lodestar.pipeline(base).run(Lodestar.pages(line.getArgList().stream().map(Path::of).toList(), "PATH"), false);
        Lodestar.print(result.messages(), err);
        if (result.failed(line.hasOption("strict"))) {
            err.println("convert failed; nothing written");
            return Main.FAILED;
        }
        Graph all = GraphFactory.createDefaultGraph();
        all.getPrefixMapping().setNsPrefixes(Prefixes.standard());
        result.conversion().graphs().values().forEach(g -> g.find().forEachRemaining(all::add));
        ByteArrayOutputStream turtle = new ByteArrayOutputStream();
        RDFDataMgr.write(turtle, all, RDFFormat.TURTLE_PRETTY);
        if (output == null) {
            out.write(turtle.toByteArray(), 0, turtle.size());
            out.flush();
            return Main.OK;
        }
        return writeAtomically(output, turtle.toByteArray(), err);
    }

    /** Writes beside the target and moves into place, so a failure never leaves half a file. */
    private static int writeAtomically(Path output, byte[] bytes, PrintStream err) {
        try {
            Path dir = output.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".lodestar-", ".ttl");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Main.OK;
        } catch (IOException e) {
            err.println("--output: cannot write " + output + ": " + e.getMessage());
            return Main.FAILED;
        }
    }
}
