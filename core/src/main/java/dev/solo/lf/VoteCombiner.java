package dev.solo.lf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the functions' votes on an item into one label: a majority weighted by each function's
 * reliability, the log-odds of its precision's lower bound (a function no better than a coin toss
 * has no say). The confidence is conservative: the best lower bound among the functions voting
 * the winning label, scaled by the winner's share of the weight when functions disagree.
 */
public final class VoteCombiner {
    private final List<LabelingFunction> functions;
    private final double[] reliability;

    /** {@code stats} in the vote matrix's function order. */
    public VoteCombiner(List<FunctionStats> stats) {
        this.functions = stats.stream().map(FunctionStats::function).toList();
        this.reliability = stats.stream().mapToDouble(FunctionStats::precisionLow).toArray();
    }

    /** The combined vote on an item. */
    public record Combined(String label, double confidence, List<String> functions) {
    }

    /** Empty when no function with a say fires on the item. */
    public Optional<Combined> combine(int[] firing) {
        Map<String, Double> weightByLabel = new LinkedHashMap<>();
        Map<String, Double> bestBound = new LinkedHashMap<>();
        Map<String, List<String>> voters = new LinkedHashMap<>();
        for (int f : firing) {
            double p = reliability[f];
            if (p <= 0.5) {
                continue;
            }
            String label = functions.get(f).label();
            weightByLabel.merge(label, Math.log(Math.min(p, 0.999) / (1 - Math.min(p, 0.999))), Double::sum);
            bestBound.merge(label, p, Math::max);
            voters.computeIfAbsent(label, key -> new ArrayList<>()).add(functions.get(f).name());
        }
        if (weightByLabel.isEmpty()) {
            return Optional.empty();
        }
        String winner = null;
        double total = 0;
        for (Map.Entry<String, Double> entry : weightByLabel.entrySet()) {
            total += entry.getValue();
            if (winner == null || entry.getValue() > weightByLabel.get(winner)) {
                winner = entry.getKey();
            }
        }
        double confidence = bestBound.get(winner) * weightByLabel.get(winner) / total;
        return Optional.of(new Combined(winner, confidence, voters.get(winner)));
    }
}
