package dev.solo.bench;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.embed.NearestNeighbours;
import dev.solo.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * {@code variants MODEL SECOND_MODEL DATA GOLD STORE_DIR [counts]}: the local labeler against
 * candidate upgrades applied on top of its calibrated distributions, on n random gold labels (5
 * draws), measured on every other item, with each draw's accuracy change from the labeler alone.
 * Candidates: (b1) mixing with the labels of the 10 nearest labeled items; (b2) smoothing over the
 * 10-nearest-neighbour graph of all items, (b3) of {@value #SAMPLE} sampled items; the weight α
 * chosen by 5-fold cross-validation from {0, 0.25, 0.5} and kept only when its out-of-fold
 * log-loss gain exceeds 1 (or 2) standard errors ("best loss": any gain), a temperature refitted
 * on the mixture; (c) averaging with the labeler on a second embedding model. The folds' labelers
 * are trained from scratch (nested cross-validation). STORE_DIR keeps the vectors between runs.
 * The labeler now smooths over neighbours itself when cross-validation says so: the README's
 * figures for the candidates were taken before (commit 5b7c5f6), on the plain regression.
 */
final class LabelerVariants {
    private static final int REPEATS = 5;
    private static final int K = 10;
    private static final double[] ALPHAS = {0, 0.25, 0.5};
    private static final int SAMPLE = 2000;

    private LabelerVariants() {
    }

    static void run(EmbeddingModel model, EmbeddingModel second, Path data, Path goldFile, Path storeDir,
                    int[] counts) throws Exception {
        Map<String, String> gold = BenchTask.gold(goldFile);
        List<String> labelSet = List.copyOf(new TreeSet<>(gold.values()));
        List<String[]> records = BenchTask.records(data);
        Files.createDirectories(storeDir);
        try (SqliteStore store = Files.exists(storeDir.resolve("state.db"))
                ? SqliteStore.open(storeDir.resolve("state.db"))
                : BenchTask.storeWith(storeDir, records, records.size())) {
            List<String> ids = records.stream().map(r -> r[0]).filter(gold::containsKey).toList();
            ItemEmbeddings embeddings = new ItemEmbeddings(store.vectors(), store.items()::texts, m -> { });
            EmbeddingMatrix vectors = ordered(embeddings.forItems(model, ids), ids);
            EmbeddingMatrix secondVectors = ordered(embeddings.forItems(second, ids), ids);
            long started = System.nanoTime();
            int[][] graph = graph(vectors, NearestNeighbours::allRows);
            int[][] sampled = graph(vectors, search -> {
                List<Integer> rows = new ArrayList<>(IntStream.range(0, ids.size()).boxed().toList());
                Collections.shuffle(rows, new Random(7));
                return rows.subList(0, Math.min(SAMPLE, rows.size())).stream().mapToInt(Integer::intValue).toArray();
            });
            System.out.printf("%s on %s (%,d items, %d labels); 10-NN graph of all items %.1f s%n", model.configName(),
                    data.getParent().getFileName(), ids.size(), labelSet.size(), (System.nanoTime() - started) / 1e9);
            int[] goldIndex = ids.stream().mapToInt(id -> labelSet.indexOf(gold.get(id))).toArray();
            for (int count : counts) {
                Map<String, Outcomes> variants = new LinkedHashMap<>();
                for (int repeat = 0; repeat < REPEATS; repeat++) {
                    List<Integer> rows = new ArrayList<>(IntStream.range(0, ids.size()).boxed().toList());
                    Collections.shuffle(rows, new Random(1000 + repeat));
                    int[] labeled = rows.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
                    VariantDraw draw = new VariantDraw(vectors, model, labelSet, ids, goldIndex, labeled, repeat);
                    long trainStart = System.nanoTime();
                    dev.solo.labeler.LabelingModel trained = draw.train(labeled);
                    double trainMillis = (System.nanoTime() - trainStart) / 1e6;
                    double[][] full = draw.predictAll(trained);
                    VariantDraw.Result today = draw.evaluate(full);
                    variants.computeIfAbsent("a today", n -> new Outcomes()).add(today, today, trainMillis);
                    double[][][] byFold = draw.foldPredictions();
                    Map<String, VariantDraw.Result> results = new LinkedHashMap<>();
                    results.put("b1 labeled-kNN mix, CV", draw.labeledMix(full, byFold, ALPHAS, 1));
                    results.put("b1 labeled-kNN mix, α=0.25", draw.labeledMix(full, byFold, new double[] {0.25}, 0));
                    results.put("b2 all-items graph, CV 2SE", draw.graphMix(graph, full, byFold, ALPHAS, 2));
                    results.put("b2 all-items graph, CV", draw.graphMix(graph, full, byFold, ALPHAS, 1));
                    results.put("b2 all-items graph, CV best loss", draw.graphMix(graph, full, byFold, ALPHAS, 0));
                    results.put("b2 all-items graph, α=0.5", draw.graphMix(graph, full, byFold, new double[] {0.5}, 0));
                    results.put("b3 graph on " + SAMPLE + " sampled, CV", draw.graphMix(sampled, full, byFold, ALPHAS, 1));
                    VariantDraw other = new VariantDraw(secondVectors, second, labelSet, ids, goldIndex, labeled, repeat);
                    double[][] averaged = new double[full.length][];
                    double[][] otherFull = other.predictAll(other.train(labeled));
                    for (int i = 0; i < full.length; i++) {
                        averaged[i] = new double[full[i].length];
                        for (int k = 0; k < full[i].length; k++) {
                            averaged[i][k] = (full[i][k] + otherFull[i][k]) / 2;
                        }
                    }
                    results.put("c alone: " + second.configName(), other.evaluate(otherFull));
                    results.put("c average with " + second.configName(), draw.evaluate(averaged));
                    results.forEach((name, result) -> variants.computeIfAbsent(name, n -> new Outcomes())
                            .add(result, today, Double.NaN));
                }
                for (Map.Entry<String, Outcomes> variant : variants.entrySet()) {
                    System.out.printf("  %4d  %-34s %s%n", count, variant.getKey(), variant.getValue());
                }
            }
        }
    }

    /** The matrix's rows in {@code ids} order, so that row i is item i. */
    private static EmbeddingMatrix ordered(EmbeddingMatrix matrix, List<String> ids) {
        EmbeddingMatrix ordered = new EmbeddingMatrix(matrix.vector(0).length, ids.size());
        for (String id : ids) {
            int row = matrix.row(id).orElseThrow();
            float[] v = matrix.vector(row);
            ordered.add(dev.solo.embed.StoredVector.quantize(id, v));
        }
        return ordered;
    }

    private static int[][] graph(EmbeddingMatrix vectors,
                                 java.util.function.Function<NearestNeighbours, int[]> candidates) {
        NearestNeighbours search = new NearestNeighbours(vectors);
        int[] all = candidates.apply(search);
        int[][] graph = new int[vectors.size()][];
        IntStream.range(0, vectors.size()).parallel().forEach(i ->
                graph[i] = search.nearest(i, K, all).stream().mapToInt(NearestNeighbours.Neighbour::row).toArray());
        return graph;
    }

    /** Results over the draws: mean accuracy and ECE, their paired change from today's, and the α chosen in each draw. */
    private static final class Outcomes {
        private final List<VariantDraw.Result> results = new ArrayList<>();
        private final List<VariantDraw.Result> baselines = new ArrayList<>();
        private final List<Double> millis = new ArrayList<>();

        void add(VariantDraw.Result result, VariantDraw.Result baseline, double trainMillis) {
            results.add(result);
            baselines.add(baseline);
            if (!Double.isNaN(trainMillis)) {
                millis.add(trainMillis);
            }
        }

        @Override
        public String toString() {
            double[] accuracy = results.stream().mapToDouble(VariantDraw.Result::accuracy).toArray();
            double[] ece = results.stream().mapToDouble(VariantDraw.Result::ece).toArray();
            double[] gain = IntStream.range(0, results.size())
                    .mapToDouble(i -> 100 * (results.get(i).accuracy() - baselines.get(i).accuracy())).toArray();
            StringBuilder chosen = new StringBuilder();
            for (VariantDraw.Result result : results) {
                if (!Double.isNaN(result.alpha())) {
                    chosen.append(chosen.length() == 0 ? "α " : ",").append(result.alpha());
                }
            }
            String train = millis.isEmpty() ? "" : String.format("  train %.0f ms",
                    millis.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            return String.format("acc %.4f  Δ %+.2f ± %.2f pts  ECE %.4f  %s%s", VariantDraw.mean(accuracy),
                    VariantDraw.mean(gain), VariantDraw.standardError(gain), VariantDraw.mean(ece), chosen, train);
        }
    }
}
