package org.lodestar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.replica.Broker;

/** {@code broker [--dir DIR] [--host H] [--port N] [--controller-port N] [--node-id N] [--voters LIST]}: a Kafka broker for replicas. */
final class BrokerCommand implements CliCommand {
    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("dir").hasArg().argName("DIR").desc("the broker's folder: server.properties and logs/ (default data/kafka)").get())
                .addOption(Option.builder().longOpt("host").hasArg().argName("H").desc("address to listen on and advertise (default 127.0.0.1)").get())
                .addOption(Option.builder().longOpt("port").hasArg().argName("N").desc("clients' port (default 9092)").get())
                .addOption(Option.builder().longOpt("controller-port").hasArg().argName("N").desc("controller quorum port (default 9093)").get())
                .addOption(Option.builder().longOpt("node-id").hasArg().argName("N").desc("this broker's id (default 1)").get())
                .addOption(Option.builder().longOpt("voters").hasArg().argName("LIST")
                        .desc("controller quorum of a cluster, id@host:port,… the same on every broker (default: this broker alone)").get());
    }

    @Override
    public String arguments() { return ""; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Args.noArguments(line, "");
        Path dir = Args.path(line, "dir", "data/kafka");
        String host = line.getOptionValue("host", "127.0.0.1");
        int port = (int) Args.number(line, "port", 9092, 1, 65535);
        int controller = (int) Args.number(line, "controller-port", 9093, 1, 65535);
        int id = (int) Args.number(line, "node-id", 1, 0, Integer.MAX_VALUE);
        String voters = line.getOptionValue("voters", id + "@" + host + ":" + controller);
        if (!voters.matches("\\d+@[^,@\\s]+:\\d+(,\\d+@[^,@\\s]+:\\d+)*"))
            throw new UsageException("--voters: '" + voters + "' is not a list of id@host:port");
        if (!("," + voters).contains("," + id + "@"))
            throw new UsageException("--voters: " + voters + " does not name --node-id " + id);
        Preflight.port(port);
        Path props;
        try {
            props = new Broker(dir, host, id, port, controller, voters).prepare();
        } catch (IOException | RuntimeException e) {
            err.println("broker: " + e.getMessage());
            return Main.FAILED;
        }
        out.println("Kafka broker " + id + " (KRaft) for " + host + ":" + port + ", logs in " + dir.resolve("logs"));
        Broker.run(props);
        return Main.OK;
    }
}
