package dev.solo.cli.terminal;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** The selection in a review screen's list, and its rows laid out so the selected one stays in view. */
final class ReviewList {
    private int selected;

    int selected() {
        return selected;
    }

    void move(int by, int size) {
        selected = Math.max(0, Math.min(size - 1, selected + by));
    }

    void keepWithin(int size) {
        selected = Math.max(0, Math.min(size - 1, selected));
    }

    /** One entry: its own lines, then dim lines under them (e.g. the evidence for an edit). */
    record Entry(List<String> lines, List<String> dimLines) {
        Entry {
            lines = List.copyOf(lines);
            dimLines = List.copyOf(dimLines);
        }
    }

    /** The rows in view: each entry after a marker (▸ when selected), the selected one bold. */
    List<AttributedString> window(List<Entry> entries, int rows) {
        List<AttributedString> lines = new ArrayList<>();
        int selectedEnd = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            AttributedStyle style = i == selected ? Frame.BOLD : AttributedStyle.DEFAULT;
            for (int line = 0; line < entry.lines().size(); line++) {
                String marker = line == 0 && i == selected ? " ▸ " : "   ";
                lines.add(new AttributedString(marker + entry.lines().get(line), style));
            }
            entry.dimLines().forEach(line -> lines.add(new AttributedString("   " + line, Frame.DIM)));
            if (i == selected) {
                selectedEnd = lines.size();
            }
        }
        int start = Math.max(0, selectedEnd - rows);
        return lines.subList(start, Math.min(lines.size(), start + rows));
    }
}
