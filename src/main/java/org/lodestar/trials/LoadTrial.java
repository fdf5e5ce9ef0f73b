package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

public final class LoadTrial extends Trial {
    public record Settings(int entities, int clients, int seconds, List<String> heaps, long seed) {}
    public LoadTrial(Settings s, Path work, PrintStream out) { super(work, out); }
    @Override
    public List<String> run() throws IOException { return failures; }
}
