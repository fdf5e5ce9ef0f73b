package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

public final class DiskFullTrial extends Trial {
    public DiskFullTrial(int a, int b, long seed, Path work, PrintStream out) { super(work, out); }
    public DiskFullTrial(int b, long seed, Path work, PrintStream out) { super(work, out); }
    @Override
    public List<String> run() throws IOException { return failures; }
}
