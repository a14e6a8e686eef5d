package dev.solo.human;

/** One item labeled by both: the label in force (and who gave it) and the second annotator's. */
public record LabelPair(String itemId, String text, String first, String firstAnnotator, String second) {

    public boolean agree() {
        return first.equals(second);
    }
}
