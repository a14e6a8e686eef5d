package dev.solo.lf;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Fires on items whose embedding lies within a tight neighbourhood: cosine similarity to the
 * centre at least {@code minSimilarity}. {@code id} tells the neighbourhoods of one task apart.
 * The centre is held at unit length; an item without a vector is never near it.
 */
public record ClusterFunction(String id, float[] centre, double minSimilarity, String label)
        implements LabelingFunction {
    /** How far from 1 a centre's squared length may be and still count as unit length. */
    private static final double UNIT_TOLERANCE = 1e-5;

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
        return String.format(Locale.ROOT, "cluster %s: items with similarity >= %.2f to its centre -> %s", id,
                minSimilarity, label);
    }

    /** Throws IllegalArgumentException when the vector's dimension is not the centre's (another embedding model). */
    @Override
    public boolean fires(String text, float[] vector) {
        return vector != null && similarity(centre, vector) >= minSimilarity;
    }

    /** Cosine similarity of a unit centre and a vector; minus infinity for the zero vector, which is near nothing. */
    static double similarity(float[] unitCentre, float[] vector) {
        if (vector.length != unitCentre.length) {
            throw new IllegalArgumentException("a " + vector.length + "-dimension vector against a "
                    + unitCentre.length + "-dimension centre");
        }
        double dot = 0;
        double norm = 0;
        for (int d = 0; d < unitCentre.length; d++) {
            dot += unitCentre[d] * vector[d];
            norm += vector[d] * (double) vector[d];
        }
        return norm > 0 ? dot / Math.sqrt(norm) : Double.NEGATIVE_INFINITY;
    }

    /**
     * The vector scaled to unit length, in place. One already of unit length is returned as it is,
     * so that a centre read back from the store equals the one saved.
     */
    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * (double) value;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("a cluster's centre is not the zero vector");
        }
        if (Math.abs(norm - 1) <= UNIT_TOLERANCE) {
            return vector;
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

    @Override
    public String toString() {
        return name();
    }
}
