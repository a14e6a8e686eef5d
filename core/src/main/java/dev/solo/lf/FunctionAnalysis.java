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
        List<LabelingFunction> functions = matrix.functions();
        int count = functions.size();
        int[] covered = new int[count];
        int[] overlapping = new int[count];
        int[] conflicting = new int[count];
        int[] checked = new int[count];
        int[] correct = new int[count];
        for (String item : matrix.items()) {
            int[] firing = matrix.firing(item);
            String truth = humanLabels.get(item);
            for (int f : firing) {
                covered[f]++;
                overlapping[f] += firing.length > 1 ? 1 : 0;
                String label = functions.get(f).label();
                for (int other : firing) {
                    if (!functions.get(other).label().equals(label)) {
                        conflicting[f]++;
                        break;
                    }
                }
                if (truth != null) {
                    checked[f]++;
                    correct[f] += truth.equals(label) ? 1 : 0;
                }
            }
        }
        List<FunctionStats> stats = new ArrayList<>(count);
        int items = Math.max(1, matrix.itemCount());
        for (int f = 0; f < count; f++) {
            double base = Math.max(1, covered[f]);
            stats.add(new FunctionStats(functions.get(f), covered[f], (double) covered[f] / items,
                    overlapping[f] / base, conflicting[f] / base, checked[f], correct[f]));
        }
        return stats;
    }
}
