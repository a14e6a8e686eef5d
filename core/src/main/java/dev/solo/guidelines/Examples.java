package dev.solo.guidelines;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Example texts as a suggestion quotes them: two or three, each cut to a readable length. */
final class Examples {
    static final int SHOWN = 3;
    static final int LENGTH = 80;

    private Examples() {
    }

    static String quoted(List<String> itemIds, Map<String, String> texts) {
        return itemIds.stream().map(texts::get).filter(Objects::nonNull).limit(SHOWN)
                .map(text -> "«" + (text.length() > LENGTH ? text.substring(0, LENGTH - 1).strip() + "…" : text) + "»")
                .collect(Collectors.joining(", "));
    }
}
