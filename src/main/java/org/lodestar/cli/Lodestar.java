package org.lodestar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.validate.ShapesValidator;

/** What every command that reads pages needs: the pipeline, and the pages named on the command line. */
final class Lodestar {
    private Lodestar() {}

    static Pipeline pipeline(String base) {
        return new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(base));
    }

    /** @param what the option or argument the paths came from, for the message */
    static List<SeedFile> pages(List<Path> paths, String what) throws UsageException {
        if (paths.isEmpty())
            throw new UsageException(what + ": give at least one seed file or folder");
        try {
            return SeedFiles.collect(paths);
        } catch (NoSuchFileException e) {
            throw new UsageException(what + ": " + e.getFile() + ": no such file or folder");
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException(what + ": cannot read: " + e.getMessage());
        }
    }

    static void print(List<String> messages, PrintStream err) {
        messages.forEach(err::println);
    }
}
