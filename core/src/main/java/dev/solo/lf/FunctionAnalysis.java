package dev.solo.lf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Coverage, overlaps, conflicts and precision on human labels of every function in a vote matrix. */
public final class FunctionAnalysis {
    private FunctionAnalysis() {
    }

    /** {@code humanLabels}: the person's label of each labeled item; only those items check a vote. */
    public static List<FunctionStats> of(VoteMatrix matrix, Map<String, String> humanLabels) {
        List<FunctionStats> stats = new ArrayList<>(matrix.functions().size());
        for (int f = 0; f < matrix.functions().size(); f++) {
            stats.add(of(matrix, f, humanLabels));
        }
        return stats;
    }

    /** One function's figures, its votes checked against {@code humanLabels}. */
    public static FunctionStats of(VoteMatrix matrix, int function, Map<String, String> humanLabels) {
        List<LabelingFunction> functions = matrix.functions();
        String label = functions.get(function).label();
        int overlapping = 0;
        int conflicting = 0;
        int checked = 0;
        int correct = 0;
        List<String> covered = matrix.covered(function);
        for (String item : covered) {
            int[] firing = matrix.firing(item);
            overlapping += firing.length > 1 ? 1 : 0;
            for (int other : firing) {
                if (!functions.get(other).label().equals(label)) {
                    conflicting++;
                    break;
                }
            }
            String truth = humanLabels.get(item);
            if (truth != null) {
                checked++;
                correct += truth.equals(label) ? 1 : 0;
            }
        }
        double base = Math.max(1, covered.size());
        return new FunctionStats(functions.get(function), covered.size(),
                (double) covered.size() / Math.max(1, matrix.itemCount()), overlapping / base, conflicting / base,
                checked, correct);
    }
}
