package org.lodestar.trials;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.Ontology;

/**
 * {@code trials diskfull}: a build that runs out of disk. The database lives on a small tmpfs
 * (mounted by the trial, which needs root); after a first build the rest of the file system is
 * filled, pages are edited, and the next build must stop with one clear line and exit 1, leave
 * the previous data as it was (fingerprint) and served, and succeed once there is room again.
 * Where tmpfs cannot be mounted, the build runs under {@code ulimit -f} with SIGXFSZ ignored, so
 * that its writes past the limit fail with EFBIG as on a full disk; the report says which.
 */
public final class DiskFullTrial extends Trial {
    private final int pages;
    private final long seed;

    public DiskFullTrial(int pages, long seed, Path work, PrintStream out) {
        super(work, out);
        this.pages = pages;
        this.seed = seed;
    }

    @Override
    public List<String> run() throws IOException {
        Random random = new Random(seed);
        clean(work);
        Path pageDir = work.resolve("pages"), fs = work.resolve("fs"), db = fs.resolve("db"), filler = fs.resolve("filler");
        Files.createDirectories(fs);
        out.println("  " + new Generator(Ontology.load()).generate(Math.max(20, pages * 10 / 9), seed, pageDir));
        boolean mounted = mount(fs, "20m");
        out.println(mounted ? "database on a 20 MB tmpfs at " + fs : "tmpfs refused: the build runs under ulimit -f (EFBIG) instead");
        try {
            completed(1800, "build", "--seeds", pageDir.toString(), "--db", db.toString());
            Map<String, String> before = fingerprint(db);
            int edited = Edits.describe(pageDir, Math.max(3, pages / 10), "rev-full-" + random.nextInt(1000), random);
            Child full;
            if (mounted) {
                long left = fill(filler);
                out.println("filled the file system: " + left + " bytes left");
                full = lodestar("build", "--seeds", pageDir.toString(), "--db", db.toString());
            } else {
                // no file may grow more than 64 KB past the largest there now (TDB2's are sparse: their length, not their blocks)
                long kb = largest(fs) / 1024 + 64;
                full = Child.start(childJvm, List.of("build", "--seeds", pageDir.toString(), "--db", db.toString()),
                        List.of("trap '' XFSZ; ulimit -f " + kb + ";"));
            }
            int code = full.await(1800);
            List<String> errors = full.lines().stream().filter(l -> !l.contains(": warning:") && !l.startsWith("warning:") && !l.matches("^(hash|convert|embedding|rendering|similarity|built).*")).toList();
            out.println("build on a full disk (" + edited + " pages edited): exit " + code + ", said:");
            errors.forEach(l -> out.println("  | " + l));
            if (code != 1)
                fail("the build on a full disk exited " + code + ", not 1");
            if (errors.size() != 1)
                fail("the build on a full disk said " + errors.size() + " lines, not one");
            else if (errors.get(0).contains("Exception") || errors.get(0).contains("\tat "))
                fail("the build on a full disk printed a stack trace or exception name: " + errors.get(0));
            if (mounted)
                Files.deleteIfExists(filler);
            Map<String, String> after = fingerprint(db);
            if (after == null || !after.equals(before))
                fail("after the full disk the data is not as before: " + (after == null ? "does not open" : Fingerprint.difference(before, after)));
            else
                out.println("the data is as before the build (" + after.size() + " graphs)");
            try (Child server = lodestar("serve", "--db", db.toString(), "--port", "0")) {
                String origin = server.origin(300);
                ServedCheck check = origin == null ? null : new ServedCheck(origin);
                if (check == null || !check.web().awaitPing(60))
                    fail("the server does not start after the full disk");
                else {
                    ServedCheck.Result r = check.check(List.of(), "", 30, random);
                    out.println("served: " + r);
                    if (!r.ok())
                        fail("after the full disk: " + r);
                }
            }
            Child again = lodestar("build", "--seeds", pageDir.toString(), "--db", db.toString());
            if (again.await(1800) != 0)
                fail("with room again, the build fails:\n" + tail(again.output(), 10));
            else
                out.println("with room again, the build succeeds");
        } finally {
            if (mounted)
                umount(fs);
        }
        out.printf("diskfull (%s): %d failure(s)%n", mounted ? "tmpfs 20 MB" : "ulimit -f", failures.size());
        return failures;
    }

    /** Writes zeros until the file system is full; @return the bytes it reports left. */
    private static long fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true)
                o.write(block);
        } catch (IOException full) {
            // no space left: what was wanted
        }
        return Files.getFileStore(filler).getUsableSpace();
    }

    private static long largest(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).max().orElse(0);
        }
    }

    private static boolean mount(Path at, String size) {
        return exec("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString()) == 0;
    }

    private static void umount(Path at) {
        exec("umount", at.toString());
    }

    private static int exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
