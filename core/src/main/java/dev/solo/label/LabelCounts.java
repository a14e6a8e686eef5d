package dev.solo.label;

/** How many items have a label of each source, and how many have none. */
public record LabelCounts(long items, long human, long labelingFunction, long llm) {
    public long unlabeled() {
        return items - human - labelingFunction - llm;
    }
}
