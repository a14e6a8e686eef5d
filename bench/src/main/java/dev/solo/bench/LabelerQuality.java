package dev.solo.bench;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.local.LocalLabeler;
import dev.solo.metrics.CalibrationError;
import dev.solo.select.DiversitySeedSelector;
import dev.solo.select.RandomSeedSelector;
import dev.solo.select.SeedSelector;
import dev.solo.select.StratifiedSeedSelector;
import dev.solo.human.HumanExample;
import dev.solo.select.QueueEntry;
import dev.solo.dataset.SelectableItem;
import dev.solo.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local labeler measured on a gold-labeled dataset: trained on n randomly drawn gold labels
 * (standing in for the person's), evaluated on every other item. Repeated over several draws.
 */
final class LabelerQuality {
    static final int[] LABEL_COUNTS = {50, 200, 500};
    private static final int REPEATS = 5;
    private static final int SEEDS = 50;

    private LabelerQuality() {
    }

    static void run(EmbeddingModel model, Path data, Path goldFile, int[] labelCounts) throws Exception {
        Map<String, String> gold = BenchTask.gold(goldFile);
        List<String> labelSet = List.copyOf(new TreeSet<>(gold.values()));
        Path folder = Files.createTempDirectory("solo-quality-bench");
        List<String[]> records = BenchTask.records(data);
        try (SqliteStore store = BenchTask.storeWith(folder, records, records.size())) {
            List<SelectableItem> items = store.items().selectable(null);
            List<String> ids = items.stream().map(SelectableItem::id).filter(gold::containsKey).toList();
            EmbeddingMatrix vectors = new ItemEmbeddings(store.vectors(), store.items()::texts, message -> { }).forItems(model, ids);
            System.out.printf("%s on %s (%,d items, labels %s)%n", model.configName(), data.getFileName(), ids.size(),
                    labelSet);
            System.out.println("  labels  accuracy        ECE (10 bins)   mean confidence  train ms  (" + REPEATS
                    + " random draws each)");
            for (int count : labelCounts) {
                Stats accuracy = new Stats();
                Stats ece = new Stats();
                Stats confidence = new Stats();
                Stats millis = new Stats();
                for (int repeat = 0; repeat < REPEATS; repeat++) {
                    List<String> shuffled = new ArrayList<>(ids);
                    Collections.shuffle(shuffled, new Random(1000 + repeat));
                    Result result = evaluate(vectors, model, labelSet, gold, shuffled.subList(0, count), ids, repeat);
                    accuracy.add(result.accuracy);
                    ece.add(result.ece);
                    confidence.add(result.meanConfidence);
                    millis.add(result.trainMillis);
                }
                System.out.printf("  %6d  %s  %s  %s  %8.0f%n", count, accuracy, ece, confidence, millis.mean());
            }
            System.out.println("  seed selection, " + SEEDS + " seeds, then trained on them (accuracy / ECE on the rest):");
            Map<String, SeedSelector> selectors = new LinkedHashMap<>();
            selectors.put("random", new RandomSeedSelector());
            selectors.put("stratified", new StratifiedSeedSelector());
            selectors.put("diversity (k-means++)", new DiversitySeedSelector(
                    chosen -> new ItemEmbeddings(store.vectors(), store.items()::texts, message -> { }).forItems(model, chosen), SEEDS));
            selectors.put("greedy k-center", new KCenterSeedSelector(vectors));
            for (Map.Entry<String, SeedSelector> selector : selectors.entrySet()) {
                Stats accuracy = new Stats();
                Stats ece = new Stats();
                Stats millis = new Stats();
                for (int repeat = 0; repeat < REPEATS; repeat++) {
                    long started = System.nanoTime();
                    List<QueueEntry> seeds = selector.getValue().select(items, SEEDS, new Random(2000 + repeat));
                    millis.add((System.nanoTime() - started) / 1e6);
                    Result result = evaluate(vectors, model, labelSet, gold,
                            seeds.stream().map(QueueEntry::itemId).toList(), ids, repeat);
                    accuracy.add(result.accuracy);
                    ece.add(result.ece);
                }
                System.out.printf("  %-22s %s  %s  selection %5.0f ms%n", selector.getKey(), accuracy, ece, millis.mean());
            }
        } finally {
            BenchTask.delete(folder);
        }
    }

    private record Result(double accuracy, double ece, double meanConfidence, double trainMillis) {
    }

    private static Result evaluate(EmbeddingMatrix vectors, EmbeddingModel model, List<String> labelSet,
                                   Map<String, String> gold, List<String> training, List<String> all, long seed) {
        List<HumanExample> examples = training.stream().map(id -> new HumanExample(id, gold.get(id))).toList();
        long started = System.nanoTime();
        LabelingModel trained = new LocalLabeler(vectors, model, labelSet, seed).train(examples);
        double trainMillis = (System.nanoTime() - started) / 1e6;
        Set<String> seen = new HashSet<>(training);
        List<String> rest = all.stream().filter(id -> !seen.contains(id)).toList();
        List<Prediction> predictions = trained.predict(rest);
        double[] confidences = new double[predictions.size()];
        boolean[] correct = new boolean[predictions.size()];
        int right = 0;
        double confidenceSum = 0;
        for (int i = 0; i < predictions.size(); i++) {
            confidences[i] = predictions.get(i).confidence();
            correct[i] = predictions.get(i).label().equals(gold.get(predictions.get(i).itemId()));
            right += correct[i] ? 1 : 0;
            confidenceSum += confidences[i];
        }
        return new Result((double) right / predictions.size(), CalibrationError.expected(confidences, correct),
                confidenceSum / predictions.size(), trainMillis);
    }

    /** Mean ± standard deviation of repeated measurements. */
    private static final class Stats {
        private final List<Double> values = new ArrayList<>();

        void add(double value) {
            values.add(value);
        }

        double mean() {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double deviation() {
            double mean = mean();
            return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.size() - 1));
        }

        @Override
        public String toString() {
            return String.format("%.3f ± %.3f", mean(), deviation());
        }
    }
}
