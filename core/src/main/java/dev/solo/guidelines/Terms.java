package dev.solo.guidelines;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words and two-word phrases of a text, lower case, each once. */
final class Terms {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

    private Terms() {
    }

    static Set<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        Set<String> terms = new LinkedHashSet<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            terms.add(words.get(i) + " " + words.get(i + 1));
        }
        return terms;
    }
}
