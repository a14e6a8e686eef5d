package dev.solo.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far two annotators agree on the same items: Cohen's kappa with a 95% interval from its
 * large-sample variance (Fleiss, Cohen and Everitt 1969), the raw share of agreement, and per
 * label the specific agreement {@code 2·n_ii / (n_i· + n_·i)}: of the times either annotator
 * chose the label, how often the other chose it too.
 *
 * @param perLabel null for a label neither annotator used
 */
public record Agreement(Estimate kappa, double observed, int items, Map<String, Double> perLabel) {
    private static final double Z = 1.959964;

    /** {@code first.get(i)} and {@code second.get(i)} label the same item; every label is one of {@code labels}. */
    public static Agreement of(List<String> first, List<String> second, List<String> labels) {
        if (first.size() != second.size() || first.isEmpty()) {
            throw new IllegalArgumentException("agreement needs the same items labeled twice, at least one");
        }
        int k = labels.size();
        int n = first.size();
        double[][] p = new double[k][k];
        for (int i = 0; i < n; i++) {
            p[index(labels, first.get(i))][index(labels, second.get(i))] += 1.0 / n;
        }
        double[] rows = new double[k];
        double[] columns = new double[k];
        double observed = 0;
        for (int i = 0; i < k; i++) {
            observed += p[i][i];
            for (int j = 0; j < k; j++) {
                rows[i] += p[i][j];
                columns[j] += p[i][j];
            }
        }
        double expected = 0;
        for (int i = 0; i < k; i++) {
            expected += rows[i] * columns[i];
        }
        String basis = n + " items labeled by both";
        Map<String, Double> perLabel = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            double either = rows[i] + columns[i];
            perLabel.put(labels.get(i), either == 0 ? null : 2 * p[i][i] / either);
        }
        if (expected >= 1) {
            // Both annotators used one label throughout: chance explains everything, kappa is undefined.
            return new Agreement(new Estimate(1, 1, 1, basis + " (one label only: kappa taken as 1)"), observed, n, perLabel);
        }
        double kappa = (observed - expected) / (1 - expected);
        double se = Math.sqrt(Math.max(0, variance(p, rows, columns, kappa, expected)) / n) / (1 - expected);
        double low = Math.max(-1, kappa - Z * se);
        double high = Math.min(1, kappa + Z * se);
        return new Agreement(new Estimate(kappa, Math.min(low, kappa), Math.max(high, kappa), basis), observed, n, perLabel);
    }

    /** n·(1−p_e)²·Var(κ), from Fleiss, Cohen and Everitt (1969). */
    private static double variance(double[][] p, double[] rows, double[] columns, double kappa, double expected) {
        int k = rows.length;
        double diagonal = 0;
        double offDiagonal = 0;
        for (int i = 0; i < k; i++) {
            double term = 1 - (rows[i] + columns[i]) * (1 - kappa);
            diagonal += p[i][i] * term * term;
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    double sum = columns[i] + rows[j];
                    offDiagonal += p[i][j] * sum * sum;
                }
            }
        }
        double correction = kappa - expected * (1 - kappa);
        return diagonal + (1 - kappa) * (1 - kappa) * offDiagonal - correction * correction;
    }

    private static int index(List<String> labels, String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("'" + label + "' is not one of the labels " + labels);
        }
        return index;
    }
}
