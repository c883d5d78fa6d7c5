package org.segue.api.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fixed-length vector describing a track for similarity search. Vectors are comparable only when
 * their {@code model} is equal: the model names the method and its revision, like an analyzer id.
 *
 * <p>Immutable: the array is copied in and out. Prefer {@link #get(int)} in loops.
 *
 * @param model the producing model with revision, e.g. {@code segue.mfcc13-stats/1}
 * @param vector at least one component, all finite
 */
public record Embedding(String model, float[] vector) {

    /** Validates and copies. */
    public Embedding {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        vector = vector.clone();
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector must not be empty");
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException("component " + i + " is not finite: " + vector[i]);
            }
        }
    }

    /** A copy of the vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** The number of components. */
    public int dimension() {
        return vector.length;
    }

    /**
     * One component.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < dimension()}
     */
    public float get(int index) {
        return vector[Objects.checkIndex(index, vector.length)];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedding that && model.equals(that.model) && Arrays.equals(vector, that.vector);
    }

    @Override
    public int hashCode() {
        return 31 * model.hashCode() + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[model=" + model + ", dimension=" + vector.length + "]";
    }
}
