package dev.solo.embed;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Item embeddings held in memory as one int8 block (row-major) plus a scale per row. Rows keep
 * the order in which they were added; a row's number is its id's number in a compact index.
 */
public final class EmbeddingMatrix {
    private final int dimension;
    private final ItemIdIndex ids;
    private byte[] components;
    private float[] scales;

    public EmbeddingMatrix(int dimension, int expectedRows) {
        this.dimension = dimension;
        this.ids = new ItemIdIndex(expectedRows);
        this.components = new byte[Math.max(expectedRows, 1) * dimension];
        this.scales = new float[Math.max(expectedRows, 1)];
    }

    /** Adds a row; a second vector for the same item replaces nothing and is ignored. */
    public void add(StoredVector vector) {
        if (vector.components().length != dimension) {
            throw new IllegalArgumentException("vector of " + vector.components().length + " dimensions in a "
                    + dimension + "-dimension matrix");
        }
        int row = ids.size();
        if (ids.add(vector.itemId()) != row) {
            return;
        }
        if (row == scales.length) {
            int grown = scales.length * 2;
            components = Arrays.copyOf(components, grown * dimension);
            scales = Arrays.copyOf(scales, grown);
        }
        System.arraycopy(vector.components(), 0, components, row * dimension, dimension);
        scales[row] = vector.scale();
    }

    public int size() {
        return ids.size();
    }

    public String id(int row) {
        return ids.id(row);
    }

    /** The ids in row order: a view whose strings are made when read, none kept. */
    public List<String> ids() {
        return new AbstractList<>() {
            @Override
            public String get(int row) {
                return id(row);
            }

            @Override
            public int size() {
                return EmbeddingMatrix.this.size();
            }
        };
    }

    public OptionalInt row(String itemId) {
        int row = ids.numberOf(itemId);
        return row < 0 ? OptionalInt.empty() : OptionalInt.of(row);
    }

    /** The row as floats (unit length up to quantization). */
    public float[] vector(int row) {
        float[] vector = new float[dimension];
        int offset = row * dimension;
        for (int d = 0; d < dimension; d++) {
            vector[d] = components[offset + d] * scales[row];
        }
        return vector;
    }

    /**
     * The row's int8 components widened to ints ({@code value = component × scale(row)}): a dot
     * product of int arrays is vectorized by the JIT, three times faster than one of bytes.
     */
    public int[] components(int row) {
        int[] widened = new int[dimension];
        int offset = row * dimension;
        for (int d = 0; d < dimension; d++) {
            widened[d] = components[offset + d];
        }
        return widened;
    }

    public float scale(int row) {
        return scales[row];
    }

    /** Cosine similarity of two rows. */
    public double similarity(int a, int b) {
        int offsetA = a * dimension;
        int offsetB = b * dimension;
        int sum = 0;
        for (int d = 0; d < dimension; d++) {
            sum += components[offsetA + d] * components[offsetB + d];
        }
        return (double) sum * scales[a] * scales[b];
    }

    /** Cosine similarity of a unit query vector and a row. */
    public double similarity(float[] query, int row) {
        int offset = row * dimension;
        float sum = 0;
        for (int d = 0; d < dimension; d++) {
            sum += query[d] * components[offset + d];
        }
        return sum * scales[row];
    }
}
