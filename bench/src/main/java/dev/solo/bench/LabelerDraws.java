package dev.solo.bench;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.embed.StoredVector;
import dev.solo.human.HumanExample;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.local.LocalLabeler;
import dev.solo.metrics.CalibrationError;
import dev.solo.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code draws MODEL DATA GOLD STORE_DIR [counts]}: the local labeler as built, one line per random
 * draw of gold labels (the draws and seeds of {@code quality}), so that two builds can be compared
 * draw by draw. {@code cost MODEL DATA GOLD STORE_DIR ITEMS}: train time at 500 labels and predict
 * time over ITEMS items (the dataset's vectors, then copies leaning towards another item of the same label), first and second pass.
 */
final class LabelerDraws {
    private static final int REPEATS = 5;

    private LabelerDraws() {
    }

    static void run(EmbeddingModel model, Path data, Path goldFile, Path storeDir, int[] counts) throws Exception {
        Map<String, String> gold = BenchTask.gold(goldFile);
        List<String> labelSet = List.copyOf(new TreeSet<>(gold.values()));
        List<String> ids = new ArrayList<>();
        EmbeddingMatrix vectors = vectors(model, data, gold, storeDir, ids);
        for (int count : counts) {
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                List<String> shuffled = new ArrayList<>(ids);
                Collections.shuffle(shuffled, new Random(1000 + repeat));
                List<HumanExample> examples = shuffled.subList(0, count).stream()
                        .map(id -> new HumanExample(id, gold.get(id))).toList();
                long started = System.nanoTime();
                LabelingModel trained = new LocalLabeler(vectors, model, labelSet, repeat).train(examples);
                double trainMillis = (System.nanoTime() - started) / 1e6;
                List<String> rest = shuffled.subList(count, shuffled.size());
                started = System.nanoTime();
                List<Prediction> predictions = trained.predict(rest);
                double predictMillis = (System.nanoTime() - started) / 1e6;
                double[] confidences = new double[predictions.size()];
                boolean[] correct = new boolean[predictions.size()];
                int right = 0;
                for (int i = 0; i < predictions.size(); i++) {
                    confidences[i] = predictions.get(i).confidence();
                    correct[i] = predictions.get(i).label().equals(gold.get(predictions.get(i).itemId()));
                    right += correct[i] ? 1 : 0;
                }
                System.out.printf("draw %s %d %d acc %.4f ece %.4f train_ms %.0f predict_ms %.0f | %s%n",
                        data.getParent().getFileName(), count, repeat, (double) right / predictions.size(),
                        CalibrationError.expected(confidences, correct), trainMillis, predictMillis,
                        trained.description());
            }
        }
    }

    static void cost(EmbeddingModel model, Path data, Path goldFile, Path storeDir, int items) throws Exception {
        Map<String, String> gold = BenchTask.gold(goldFile);
        List<String> labelSet = List.copyOf(new TreeSet<>(gold.values()));
        List<String> ids = new ArrayList<>();
        EmbeddingMatrix original = vectors(model, data, gold, storeDir, ids);
        Random random = new Random(11);
        EmbeddingMatrix vectors = new EmbeddingMatrix(original.vector(0).length, items);
        List<String> copies = new ArrayList<>(items);
        Map<String, String> copyGold = new java.util.HashMap<>();
        for (int i = 0; i < items; i++) {
            String id = ids.get(i % ids.size());
            float[] vector = original.vector(original.row(id).orElseThrow());
            if (i >= ids.size()) {
                // Copies after the first lean towards another item of the same label, so they are new items, not duplicates.
                String other;
                do {
                    other = ids.get(random.nextInt(ids.size()));
                } while (!gold.get(other).equals(gold.get(id)));
                float[] towards = original.vector(original.row(other).orElseThrow());
                for (int d = 0; d < vector.length; d++) {
                    vector[d] += 0.3f * towards[d];
                }
            }
            double norm = 0;
            for (float value : vector) {
                norm += value * value;
            }
            for (int d = 0; d < vector.length; d++) {
                vector[d] /= (float) Math.sqrt(norm);
            }
            String copy = id + "#" + i;
            vectors.add(StoredVector.quantize(copy, vector));
            copies.add(copy);
            copyGold.put(copy, gold.get(id));
        }
        List<String> shuffled = new ArrayList<>(copies.subList(0, ids.size()));
        Collections.shuffle(shuffled, new Random(1000));
        List<HumanExample> examples = shuffled.subList(0, 500).stream()
                .map(id -> new HumanExample(id, copyGold.get(id))).toList();
        LocalLabeler labeler = new LocalLabeler(vectors, model, labelSet, 0);
        long started = System.nanoTime();
        LabelingModel trained = labeler.train(examples);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        trained.predict(copies);
        double first = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        LabelingModel again = labeler.train(examples);
        double retrainSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        again.predict(copies);
        double second = (System.nanoTime() - started) / 1e9;
        System.out.printf("%,d items, 500 labels: train %.2f s, predict %.1f s; trained again %.2f s, predict %.1f s"
                + " (%d cores) | %s%n", items, trainSeconds, first, retrainSeconds, second,
                Runtime.getRuntime().availableProcessors(), trained.description());
    }

    /** The dataset's vectors, embedded once into STORE_DIR and reused; {@code ids} receives the gold-labeled ids. */
    private static EmbeddingMatrix vectors(EmbeddingModel model, Path data, Map<String, String> gold, Path storeDir,
                                           List<String> ids) throws Exception {
        List<String[]> records = BenchTask.records(data);
        Files.createDirectories(storeDir);
        try (SqliteStore store = Files.exists(storeDir.resolve("state.db"))
                ? SqliteStore.open(storeDir.resolve("state.db"))
                : BenchTask.storeWith(storeDir, records, records.size())) {
            Set<String> seen = new HashSet<>();
            records.stream().map(r -> r[0]).filter(gold::containsKey).filter(seen::add).forEach(ids::add);
            return new ItemEmbeddings(store.vectors(), store.items()::texts, m -> { }).forItems(model, ids);
        }
    }
}
