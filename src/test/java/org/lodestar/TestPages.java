package org.lodestar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lodestar.similarity.EmbeddingCache;
import org.lodestar.similarity.Embedder;
import org.lodestar.similarity.MiniLm;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.similarity.VectorIndex;
import org.lodestar.similarity.Vectors;

/** Edits that tests make to seed pages, and a similarity derivation that loads no model. */
public final class TestPages {
    private TestPages() {}

    /** Replaces a page's description, its fourth line with text (type, status, id, description). */
    public static void describe(Path page, String description) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
        for (int i = 0, seen = 0; i < lines.size(); i++)
            if (!lines.get(i).isBlank() && ++seen == 4) {
                lines.set(i, description);
                break;
            }
        Files.write(page, lines, StandardCharsets.UTF_8);
    }

    /** Removes a page's last member line ({@code - …}): one edge fewer. */
    public static void dropLastMember(Path page) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
        int last = lines.size() - 1;
        while (!lines.get(last).startsWith("- "))
            last--;
        lines.remove(last);
        Files.write(page, lines, StandardCharsets.UTF_8);
    }

    /** Words hashed into 64 dimensions: texts that share words are near, and no model is loaded. */
    public static final Embedder WORDS = new Embedder() {
        @Override public String model() { return MiniLm.MODEL; }

        @Override public int dimensions() { return 64; }

        @Override public List<float[]> embed(List<String> texts) {
            return texts.stream().map(t -> {
                float[] v = new float[64];
                for (String w : t.toLowerCase(Locale.ROOT).split("\\W+"))
                    if (!w.isEmpty())
                        v[Math.floorMod(w.hashCode(), 64)] += 1;
                v[0] += 0.5f;
                return Vectors.normalize(v);
            }).toList();
        }
    };

    /** Computed links by {@link #WORDS}, cosine ≥ 0.5, 4 nearest, searched exactly. */
    public static SimilarityDerivation words() {
        return new SimilarityDerivation(new SimilaritySettings(SimilarityMode.BOTH, 0.5, 4), EmbeddingCache.inMemory(), WORDS,
                Progress.QUIET, VectorIndex.EXACT_BELOW);
    }
}
