package dev.solo.bench;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.NearestNeighbours;
import dev.solo.human.HumanExample;
import dev.solo.labeler.Folds;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.TemperatureScaling;
import dev.solo.labeler.local.LocalLabeler;
import dev.solo.metrics.CalibrationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One random draw of labels for {@link LabelerVariants}: the labeler's predictions on every item,
 * each fold's labeler's (trained from scratch on the other folds), and the candidates on top.
 */
final class VariantDraw {
    private static final int K = 10;

    /** What a variant achieved on the unlabeled rest in one draw, and the α it chose (NaN: none). */
    record Result(double accuracy, double ece, double alpha) {
    }

    private final EmbeddingMatrix vectors;
    private final EmbeddingModel model;
    private final List<String> labelSet;
    private final List<String> ids;
    private final int[] gold;
    private final int[] labeled;
    private final long seed;
    private final int[] foldOf;
    private final boolean[] isLabeled;

    VariantDraw(EmbeddingMatrix vectors, EmbeddingModel model, List<String> labelSet, List<String> ids, int[] gold,
                int[] labeled, long seed) {
        this.vectors = vectors;
        this.model = model;
        this.labelSet = labelSet;
        this.ids = ids;
        this.gold = gold;
        this.labeled = labeled;
        this.seed = seed;
        this.foldOf = Folds.stratified(IntStream.of(labeled).mapToObj(r -> Integer.toString(gold[r])).toList(),
                5, new Random(seed));
        this.isLabeled = new boolean[ids.size()];
        for (int row : labeled) {
            isLabeled[row] = true;
        }
    }

    LabelingModel train(int[] rows) {
        List<HumanExample> examples = IntStream.of(rows)
                .mapToObj(r -> new HumanExample(ids.get(r), labelSet.get(gold[r]))).toList();
        return new LocalLabeler(vectors, model, labelSet, seed).train(examples);
    }

    double[][] predictAll(LabelingModel trained) {
        return trained.predict(ids).stream().map(Prediction::distribution).toArray(double[][]::new);
    }

    /** Per fold, the distributions of every item by a labeler trained on the other folds. */
    double[][][] foldPredictions() {
        double[][][] byFold = new double[5][][];
        for (int fold = 0; fold < 5; fold++) {
            int f = fold;
            int[] training = IntStream.range(0, labeled.length).filter(i -> foldOf[i] != f)
                    .map(i -> labeled[i]).toArray();
            byFold[fold] = predictAll(train(training));
        }
        return byFold;
    }

    Result labeledMix(double[][] full, double[][][] byFold, double[] alphas, double errors) {
        NearestNeighbours search = new NearestNeighbours(vectors);
        double[][] oof = new double[labeled.length][];
        double[][] neighbourVotes = new double[labeled.length][];
        for (int i = 0; i < labeled.length; i++) {
            int f = foldOf[i];
            oof[i] = byFold[f][labeled[i]];
            int[] others = IntStream.range(0, labeled.length).filter(j -> foldOf[j] != f)
                    .map(j -> labeled[j]).toArray();
            neighbourVotes[i] = votes(search, labeled[i], others);
        }
        Choice choice = choose(oof, neighbourVotes, alphas, errors);
        double[][] mixed = new double[full.length][];
        for (int row = 0; row < full.length; row++) {
            mixed[row] = isLabeled[row] ? full[row] : choice.apply(full[row], votes(search, row, labeled));
        }
        return evaluate(mixed, choice.alpha);
    }

    Result graphMix(int[][] graph, double[][] full, double[][][] byFold, double[] alphas, double errors) {
        double[][] oof = new double[labeled.length][];
        double[][] neighbourMeans = new double[labeled.length][];
        for (int i = 0; i < labeled.length; i++) {
            oof[i] = byFold[foldOf[i]][labeled[i]];
            neighbourMeans[i] = meanOver(byFold[foldOf[i]], graph[labeled[i]]);
        }
        Choice choice = choose(oof, neighbourMeans, alphas, errors);
        double[][] mixed = new double[full.length][];
        for (int row = 0; row < full.length; row++) {
            mixed[row] = isLabeled[row] ? full[row] : choice.apply(full[row], meanOver(full, graph[row]));
        }
        return evaluate(mixed, choice.alpha);
    }

    private double[] votes(NearestNeighbours search, int row, int[] candidates) {
        double[] votes = new double[labelSet.size()];
        List<NearestNeighbours.Neighbour> nearest = search.nearest(row, K, candidates);
        for (NearestNeighbours.Neighbour neighbour : nearest) {
            votes[gold[neighbour.row()]] += 1.0 / nearest.size();
        }
        return votes;
    }

    private static double[] meanOver(double[][] distributions, int[] rows) {
        double[] mean = new double[distributions[0].length];
        for (int row : rows) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += distributions[row][k] / rows.length;
            }
        }
        return mean;
    }

    private record Choice(double alpha, double temperature) {
        double[] apply(double[] p, double[] q) {
            return TemperatureScaling.softmax(mixedLog(p, q, alpha), temperature);
        }
    }

    private static double[] mixedLog(double[] p, double[] q, double alpha) {
        double[] scores = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            scores[k] = Math.log(Math.max((1 - alpha) * p[k] + alpha * q[k], 1e-300));
        }
        return scores;
    }

    /** The α of least out-of-fold log-loss, kept only when its gain over α=0 exceeds twice its standard error. */
    private Choice choose(double[][] oof, double[][] neighbour, double[] alphas, double errors) {
        int[] labels = IntStream.of(labeled).map(r -> gold[r]).toArray();
        double[] baseline = losses(oof, neighbour, labels, 0, 1);
        Choice best = new Choice(0, 1);
        double bestMean = mean(baseline);
        for (double alpha : alphas) {
            if (alpha == 0) {
                continue;
            }
            double[][] scores = new double[oof.length][];
            for (int i = 0; i < oof.length; i++) {
                scores[i] = mixedLog(oof[i], neighbour[i], alpha);
            }
            double temperature = TemperatureScaling.fit(scores, labels);
            double[] losses = losses(oof, neighbour, labels, alpha, temperature);
            double[] difference = new double[losses.length];
            for (int i = 0; i < losses.length; i++) {
                difference[i] = losses[i] - baseline[i];
            }
            double gain = -mean(difference);
            boolean forced = alphas.length == 1;
            boolean clear = gain > errors * standardError(difference);
            if (forced || clear && mean(losses) < bestMean) {
                best = new Choice(alpha, temperature);
                bestMean = mean(losses);
            }
        }
        return best;
    }

    private static double[] losses(double[][] oof, double[][] neighbour, int[] labels, double alpha,
                                   double temperature) {
        double[] losses = new double[oof.length];
        for (int i = 0; i < oof.length; i++) {
            double[] p = TemperatureScaling.softmax(mixedLog(oof[i], neighbour[i], alpha), temperature);
            losses[i] = -Math.log(Math.max(p[labels[i]], 1e-300));
        }
        return losses;
    }

    Result evaluate(double[][] distributions) {
        return evaluate(distributions, Double.NaN);
    }

    Result evaluate(double[][] distributions, double alpha) {
        List<Double> confidences = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        for (int row = 0; row < distributions.length; row++) {
            if (isLabeled[row]) {
                continue;
            }
            int best = 0;
            for (int k = 1; k < distributions[row].length; k++) {
                best = distributions[row][k] > distributions[row][best] ? k : best;
            }
            confidences.add(distributions[row][best]);
            correct.add(best == gold[row]);
        }
        double[] c = confidences.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] right = new boolean[correct.size()];
        int hits = 0;
        for (int i = 0; i < right.length; i++) {
            right[i] = correct.get(i);
            hits += right[i] ? 1 : 0;
        }
        return new Result((double) hits / right.length, CalibrationError.expected(c, right), alpha);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    static double standardError(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / Math.max(1, values.length - 1) / values.length);
    }

}
