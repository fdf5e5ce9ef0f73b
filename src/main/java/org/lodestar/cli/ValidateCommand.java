package org.lodestar.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.pipeline.PipelineResult;
import org.lodestar.seed.Severity;

/** {@code validate [--strict] PATH...}: parse and check against the shapes. */
final class ValidateCommand implements CliCommand {
    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("strict").desc("treat warnings as errors").get())
                .addOption(Option.builder().longOpt("base").hasArg().argName("URI").desc("base of minted URIs (default http://localhost:8080/)").get());
    }

    @Override
    public String arguments() { return "PATH..."; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        var pages = Lodestar.pages(line.getArgList().stream().map(Path::of).toList(), "PATH");
        PipelineResult result = Lodestar.pipeline(Args.base(line)).run(pages, true);
        Lodestar.print(result.messages(), err);
        long errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count()
                + result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = result.messages().size() - errors;
        boolean failed = result.failed(line.hasOption("strict"));
        out.println(pages.size() + " page(s): " + (failed ? "do not conform" : "conform") + " (" + errors + " error(s), "
                + warnings + " warning(s))");
        return failed ? Main.FAILED : Main.OK;
    }
}
