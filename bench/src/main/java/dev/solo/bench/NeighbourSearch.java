package dev.solo.bench;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.NearestNeighbours;
import dev.solo.embed.StoredVector;
import java.util.Random;

/** Exact cosine search at scale: random unit vectors standing in for a million items' embeddings. */
final class NeighbourSearch {
    private static final int DIMENSION = 384;
    private static final int LABELED = 5_000;
    private static final int QUERIES = 20;

    private NeighbourSearch() {
    }

    static void run(int count) {
        Random random = new Random(7);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        EmbeddingMatrix matrix = new EmbeddingMatrix(DIMENSION, count);
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < count; i++) {
            double norm = 0;
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = (float) random.nextGaussian();
                norm += vector[d] * vector[d];
            }
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] /= (float) Math.sqrt(norm);
            }
            matrix.add(StoredVector.quantize("item-" + i, vector));
        }
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        NearestNeighbours search = new NearestNeighbours(matrix);
        int[] all = search.allRows();
        int[] labeled = new int[Math.min(LABELED, count)];
        for (int i = 0; i < labeled.length; i++) {
            labeled[i] = random.nextInt(count);
        }
        search.nearest(0, 10, all);
        long started = System.nanoTime();
        for (int q = 0; q < QUERIES; q++) {
            search.nearest(random.nextInt(count), 10, all);
        }
        double overAll = (System.nanoTime() - started) / 1e6 / QUERIES;
        started = System.nanoTime();
        for (int q = 0; q < 1000; q++) {
            search.nearest(random.nextInt(count), 3, labeled);
        }
        double amongLabeled = (System.nanoTime() - started) / 1e6 / 1000;
        System.out.printf("%,d vectors x %d dims (int8): %,d MB on the heap%n", count, DIMENSION,
                (after - before) / (1024 * 1024));
        System.out.printf("  10 nearest among all %,d: %.1f ms per query%n", count, overAll);
        System.out.printf("  3 nearest among %,d labeled items: %.3f ms per query%n", labeled.length, amongLabeled);
    }
}
