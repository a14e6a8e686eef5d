package dev.solo.lf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and two-word phrases of a text, lower case, each once. {@link #of} leaves out
 * function words ("the", "in", "of") standing alone, for rules a person reads; {@link #all} keeps
 * them, since a function word can carry a label by itself ("who" asks for a person).
 */
public final class Terms {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    /** English function words (articles, pronouns, prepositions, auxiliaries, conjunctions). */
    private static final Set<String> FUNCTION_WORDS = Set.of(("a an the this that these those it its it's i me my "
            + "we our you your he him his she her they them their there here what which who whom whose of in on at "
            + "to from by for with about as into over under than then so and or but if while because until "
            + "is are was were be been being am do does did doing have has had having will would can could shall "
            + "should may might must 's s t just also very too all any some each both more most other such only own "
            + "same up down out off again further once not no nor how why when where").split(" "));

    private Terms() {
    }

    public static Set<String> all(String text) {
        List<String> words = words(text);
        Set<String> terms = new LinkedHashSet<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            terms.add(words.get(i) + " " + words.get(i + 1));
        }
        return terms;
    }

    /** The words of a text, lower case, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    public static Set<String> of(String text) {
        List<String> words = words(text);
        Set<String> terms = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            if (!FUNCTION_WORDS.contains(words.get(i))) {
                terms.add(words.get(i));
            }
            if (i + 1 < words.size()
                    && !(FUNCTION_WORDS.contains(words.get(i)) && FUNCTION_WORDS.contains(words.get(i + 1)))) {
                terms.add(words.get(i) + " " + words.get(i + 1));
            }
        }
        return terms;
    }
}
