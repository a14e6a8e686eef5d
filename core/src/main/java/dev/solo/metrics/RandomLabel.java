package dev.solo.metrics;

/** A randomly chosen item the person labeled, with the machine's label and confidence when it was queued. */
public record RandomLabel(String itemId, String machineLabel, double machineConfidence, String humanLabel) {

    public RandomCheck check() {
        return new RandomCheck(machineConfidence, machineLabel.equals(humanLabel));
    }
}
