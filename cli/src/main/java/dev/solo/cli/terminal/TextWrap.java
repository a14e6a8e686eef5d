package dev.solo.cli.terminal;

import java.util.ArrayList;
import java.util.List;

/** Word wrap for the terminal: breaks at spaces, splits words longer than a line. */
final class TextWrap {
    private TextWrap() {
    }

    static List<String> wrap(String text, int width) {
        int limit = Math.max(10, width);
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            String indent = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
            StringBuilder line = new StringBuilder(indent);
            for (String word : paragraph.stripLeading().split(" +")) {
                while (word.length() > limit) {
                    if (line.length() > indent.length()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lines.add(word.substring(0, limit));
                    word = word.substring(limit);
                }
                if (line.length() > indent.length() && line.length() + 1 + word.length() > limit) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0 && !line.toString().equals(indent)) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
