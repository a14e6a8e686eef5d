package dev.solo.lf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Fires when the text contains the keyword (a word or phrase, whole words, any case), unless a
 * negation stands within {@link #NEGATION_REACH} words before it: "not good" must not vote what
 * "good" votes. A keyword that itself holds the negation ("not bad") is matched as written.
 */
public record KeywordFunction(String keyword, String label) implements LabelingFunction {
    static final int NEGATION_REACH = 3;
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nor", "without", "hardly", "barely",
            "isn't", "wasn't", "aren't", "don't", "doesn't", "didn't", "can't", "cannot", "won't", "couldn't",
            "shouldn't", "wouldn't", "neither", "nothing", "n't");

    public KeywordFunction {
        Objects.requireNonNull(label, "label");
        keyword = Objects.requireNonNull(keyword, "keyword").strip().toLowerCase(Locale.ROOT);
        if (Terms.words(keyword).isEmpty()) {
            throw new IllegalArgumentException("a keyword has at least one word: '" + keyword + "'");
        }
    }

    @Override
    public String name() {
        return "keyword:" + keyword + "->" + label;
    }

    @Override
    public String description() {
        return "contains '" + keyword + "' -> " + label;
    }

    @Override
    public boolean fires(String text, float[] vector) {
        List<String> words = Terms.words(text);
        List<String> wanted = Terms.words(keyword);
        boolean negatedKeyword = wanted.stream().anyMatch(NEGATIONS::contains);
        for (int start = 0; start + wanted.size() <= words.size(); start++) {
            if (words.subList(start, start + wanted.size()).equals(wanted)
                    && (negatedKeyword || !negatedBefore(words, start))) {
                return true;
            }
        }
        return false;
    }

    private static boolean negatedBefore(List<String> words, int start) {
        for (int i = Math.max(0, start - NEGATION_REACH); i < start; i++) {
            if (NEGATIONS.contains(words.get(i)) || words.get(i).endsWith("n't")) {
                return true;
            }
        }
        return false;
    }
}
