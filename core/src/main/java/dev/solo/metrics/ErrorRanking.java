package dev.solo.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The chance that a remote model's label is right, from two signals: its own calibrated
 * confidence, and the embedded classifier's probability of the same label. A logistic regression
 * on their logits, fitted on random human labels (ridge-penalised, so a few dozen labels give a
 * stable fit), orders the labels to escalate by the best evidence of error; AUROC says how well
 * each signal alone and the two together put the errors first.
 */
public final class ErrorRanking {
    private static final double RIDGE = 1.0;
    private static final int FOLDS = 5;
    private static final double EDGE = 1e-4;

    /** One random human label: the two signals on the machine's label, and whether it was right. */
    public record Observation(double remoteConfidence, double embeddedProbability, boolean correct) {
    }

    /** AUROC of each signal on the random labels (the combined one cross-validated); 0.5 is chance. */
    public record Comparison(double remote, double embedded, double combined, int labels) {
    }

    private final double[] weights;

    private ErrorRanking(double[] weights) {
        this.weights = weights;
    }

    public static ErrorRanking fit(List<Observation> observations) {
        return new ErrorRanking(newton(observations));
    }

    public double probabilityRight(double remoteConfidence, double embeddedProbability) {
        return sigmoid(score(weights, remoteConfidence, embeddedProbability));
    }

    /** How well each signal ranks the errors, the combined one scored on folds it was not fitted on. */
    public static Comparison compare(List<Observation> observations, Random folds) {
        List<Observation> shuffled = new ArrayList<>(observations);
        Collections.shuffle(shuffled, folds);
        double[] combined = new double[shuffled.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Observation> training = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                if (i % FOLDS != fold) {
                    training.add(shuffled.get(i));
                }
            }
            double[] w = newton(training);
            for (int i = fold; i < shuffled.size(); i += FOLDS) {
                combined[i] = score(w, shuffled.get(i).remoteConfidence(), shuffled.get(i).embeddedProbability());
            }
        }
        boolean[] right = new boolean[shuffled.size()];
        double[] remote = new double[shuffled.size()];
        double[] embedded = new double[shuffled.size()];
        for (int i = 0; i < shuffled.size(); i++) {
            right[i] = shuffled.get(i).correct();
            remote[i] = shuffled.get(i).remoteConfidence();
            embedded[i] = shuffled.get(i).embeddedProbability();
        }
        return new Comparison(auroc(remote, right), auroc(embedded, right), auroc(combined, right), shuffled.size());
    }

    /** The chance that a right label scores above a wrong one (ties count half); 0.5 without both kinds. */
    static double auroc(double[] scores, boolean[] right) {
        long pairs = 0;
        double wins = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!right[i]) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (right[j]) {
                    continue;
                }
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? 0.5 : wins / pairs;
    }

    private static double score(double[] w, double remote, double embedded) {
        return w[0] + w[1] * logit(remote) + w[2] * logit(embedded);
    }

    /** Penalised maximum likelihood by Newton's method; the intercept is not penalised. */
    private static double[] newton(List<Observation> observations) {
        double[] w = new double[3];
        for (int iteration = 0; iteration < 50; iteration++) {
            RealMatrix hessian = MatrixUtils.createRealMatrix(3, 3);
            RealVector gradient = MatrixUtils.createRealVector(new double[3]);
            for (Observation o : observations) {
                double[] x = {1, logit(o.remoteConfidence()), logit(o.embeddedProbability())};
                double p = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2] * x[2]);
                double y = o.correct() ? 1 : 0;
                for (int a = 0; a < 3; a++) {
                    gradient.addToEntry(a, (y - p) * x[a]);
                    for (int b = 0; b < 3; b++) {
                        hessian.addToEntry(a, b, p * (1 - p) * x[a] * x[b]);
                    }
                }
            }
            for (int a = 1; a < 3; a++) {
                gradient.addToEntry(a, -RIDGE * w[a]);
                hessian.addToEntry(a, a, RIDGE);
            }
            hessian.addToEntry(0, 0, 1e-6);
            RealVector step = new LUDecomposition(hessian).getSolver().solve(gradient);
            for (int a = 0; a < 3; a++) {
                w[a] += step.getEntry(a);
            }
            if (step.getNorm() < 1e-8) {
                break;
            }
        }
        return w;
    }

    private static double logit(double p) {
        double clipped = Math.min(1 - EDGE, Math.max(EDGE, p));
        return Math.log(clipped / (1 - clipped));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
