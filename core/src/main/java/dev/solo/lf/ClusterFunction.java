package dev.solo.lf;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Fires on items whose embedding lies within a tight neighbourhood: cosine similarity to the
 * centre at least {@code minSimilarity}. {@code id} tells the neighbourhoods of one task apart.
 */
public record ClusterFunction(String id, float[] centre, double minSimilarity, String label)
        implements LabelingFunction {

    public ClusterFunction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        centre = unit(centre.clone());
        if (minSimilarity <= -1 || minSimilarity > 1) {
            throw new IllegalArgumentException("a cosine similarity bound lies in (-1, 1]: " + minSimilarity);
        }
    }

    @Override
    public float[] centre() {
        return centre.clone();
    }

    @Override
    public String name() {
        return "cluster:" + id + "->" + label;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "near cluster %s (similarity >= %.2f) -> %s", id, minSimilarity, label);
    }

    @Override
    public boolean fires(String text, float[] vector) {
        if (vector == null) {
            return false;
        }
        double dot = 0;
        double norm = 0;
        for (int d = 0; d < centre.length; d++) {
            dot += centre[d] * vector[d];
            norm += vector[d] * (double) vector[d];
        }
        return norm > 0 && dot / Math.sqrt(norm) >= minSimilarity;
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * (double) value;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("a cluster's centre is not the zero vector");
        }
        double scale = 1 / Math.sqrt(norm);
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) (vector[d] * scale);
        }
        return vector;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterFunction that && id.equals(that.id) && label.equals(that.label)
                && minSimilarity == that.minSimilarity && Arrays.equals(centre, that.centre);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, label, minSimilarity, Arrays.hashCode(centre));
    }
}
