package org.lodestar.similarity;

import java.util.List;

/** Turns texts into unit-length vectors. One model per implementation; its name keys the cache. */
public interface Embedder {
    /** The model's name, as similarity links show it (the rdfs:label of its method individual). */
    String model();

    int dimensions();

    /** One unit vector per text, in order. */
    List<float[]> embed(List<String> texts);
}
