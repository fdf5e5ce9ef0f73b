package org.lodestar.cli;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The sub-commands, declared as data: name, one line of help, and the class that runs it. */
enum Command {
    CONVERT("convert", "Convert seed pages (files or folders) to Turtle.", ConvertCommand::new),
    VALIDATE("validate", "Parse seed pages and check them against the SHACL shapes; exit 0 when they conform.", ValidateCommand::new),
    BUILD("build", "Build seed pages into a TDB2 database, incrementally and atomically.", BuildCommand::new),
    GENERATE("generate", "Write a synthetic knowledge graph as seed pages (power-law degrees, every class), for benchmarks.", GenerateCommand::new),
    BENCH("bench", "Generate, build, serve and measure a synthetic graph; print a table and write JSON.", BenchCommand::new),
    DUPLICATES("duplicates", "List duplicate candidates: same-class pairs whose similarity reaches --min (default 0.9).", DuplicatesCommand::new),
    VIEW("view", "Show the ranked neighbourhood view of one entity (type:slug) as text, JSON or HTML.", ViewCommand::new),
    BROKER("broker", "Run a Kafka broker (KRaft) from the jar, for a writer's patch log and its replicas.", BrokerCommand::new),
    TRIALS("trials", "Reliability trials (exit 1 on a finding): kill -9 during builds and updates, a full disk, load, damaged pages, hostile requests (crash|update|diskfull|load|fuzz|http).", TrialsCommand::new),
    SERVE("serve", "Serve the knowledge graph with embedded Fuseki (builds the seeds first into an empty database).", ServeCommand::new);

    final String name;
    final String help;
    final Supplier<CliCommand> factory;

    Command(String name, String help, Supplier<CliCommand> factory) {
        this.name = name;
        this.help = help;
        this.factory = factory;
    }

    static Optional<Command> named(String name) {
        return Arrays.stream(values()).filter(c -> c.name.equals(name)).findFirst();
    }
}
