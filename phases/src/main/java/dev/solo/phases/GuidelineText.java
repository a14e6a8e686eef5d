package dev.solo.phases;

import java.util.List;

/** How accepted edits extend the guidelines: one line each, after the text in force. */
final class GuidelineText {
    private GuidelineText() {
    }

    static String extended(String guidelines, List<String> accepted) {
        StringBuilder text = new StringBuilder(guidelines.strip());
        for (String edit : accepted) {
            text.append(text.length() == 0 ? "" : "\n").append("- ").append(edit.strip());
        }
        return text.toString();
    }
}
