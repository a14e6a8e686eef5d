package dev.solo.cli.terminal;

import dev.solo.human.LabelRequest;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Lays out one frame of the labeling screen for a given terminal size. Pure: no I/O. */
final class LabelingScreen {
    enum Overlay { NONE, HELP, GUIDELINES }

    private static final AttributedStyle BOLD = AttributedStyle.BOLD;
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle KEY = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);

    private LabelingScreen() {
    }

    static List<AttributedString> render(LabelRequest request, List<String> notices, Overlay overlay, int width,
                                         int height) {
        int columns = Math.max(20, width);
        List<AttributedString> lines = new ArrayList<>();
        lines.add(styled(" " + header(request), BOLD, columns));
        lines.add(progress(request, columns));
        lines.add(rule(columns));
        List<String> body = switch (overlay) {
            case HELP -> help(request);
            case GUIDELINES -> guidelines(request);
            case NONE -> List.of(request.item().text());
        };
        int footerLines = 6 + notices.size();
        int room = Math.max(1, height - lines.size() - footerLines);
        List<String> wrapped = new ArrayList<>();
        for (String paragraph : body) {
            for (String line : TextWrap.wrap(paragraph, columns - 2)) {
                wrapped.add(" " + line);
            }
        }
        if (wrapped.size() > room) {
            wrapped = new ArrayList<>(wrapped.subList(0, room));
            wrapped.set(room - 1, " … (text continues; widen or enlarge the terminal)");
        }
        wrapped.forEach(line -> lines.add(new AttributedString(line)));
        lines.add(rule(columns));
        lines.add(chosenFrom(request, columns));
        lines.add(labelKeys(request));
        lines.add(styled(" u undo · s skip · g guidelines · ? help · q save and quit", DIM, columns));
        lines.add(AttributedString.EMPTY);
        for (String notice : notices) {
            lines.add(styled(" " + notice, NOTICE, columns));
        }
        if (!request.message().isEmpty()) {
            lines.add(styled(" " + request.message(), DIM, columns));
        }
        return lines;
    }

    /** The frame between items, while automatic work (embedding, training) runs: what it is doing. */
    static List<AttributedString> working(List<String> notices, int width) {
        int columns = Math.max(20, width);
        List<AttributedString> lines = new ArrayList<>();
        lines.add(styled(" solo is working; the next item shows when this is done", BOLD, columns));
        lines.add(rule(columns));
        for (String notice : notices) {
            lines.add(styled(" " + notice, NOTICE, columns));
        }
        return lines;
    }

    private static String header(LabelRequest request) {
        String header = request.progress().taskName() + " · Phase " + request.progress().phase().number() + " "
                + request.progress().phase().title();
        if (request.progress().batchCount() > 0) {
            header += " · batch " + request.progress().batch() + "/" + request.progress().batchCount();
        }
        return header;
    }

    private static AttributedString progress(LabelRequest request, int columns) {
        String counts = " " + request.progress().done() + "/" + request.progress().target() + (request.progress().batchCount() > 0 ? " this batch" : " this phase")
                + " · " + request.progress().humanLabelsTotal() + " human labels";
        int barWidth = Math.max(10, Math.min(30, columns - counts.length() - 4));
        int filled = request.progress().target() == 0 ? barWidth : (int) ((long) barWidth * request.progress().done() / request.progress().target());
        return new AttributedString(" [" + "█".repeat(filled) + "░".repeat(barWidth - filled) + "]" + counts);
    }

    private static AttributedString chosenFrom(LabelRequest request, int columns) {
        String right = "id " + request.item().id();
        String left = " chosen from: " + request.whyChosen().describe();
        int room = columns - right.length() - 3;
        if (left.length() > room) {
            left = left.substring(0, Math.max(1, room - 1)) + "…";
        }
        int gap = columns - left.length() - right.length() - 1;
        return new AttributedStringBuilder()
                .style(DIM).append(left).append(" ".repeat(Math.max(2, gap))).append(right)
                .toAttributedString();
    }

    private static AttributedString labelKeys(LabelRequest request) {
        AttributedStringBuilder keys = new AttributedStringBuilder().append(" ");
        for (int i = 0; i < request.scheme().labels().size(); i++) {
            keys.style(KEY).append("[" + LabelKeys.keyFor(i) + "]").style(AttributedStyle.DEFAULT)
                    .append(" " + request.scheme().labels().get(i) + "   ");
        }
        return keys.toAttributedString();
    }

    private static List<String> help(LabelRequest request) {
        List<String> help = new ArrayList<>();
        help.add("Keys");
        for (int i = 0; i < request.scheme().labels().size(); i++) {
            help.add("  " + LabelKeys.keyFor(i) + "  label the text " + request.scheme().labels().get(i)
                    + " (saved at once, then the next item shows)");
        }
        help.add("  u  take back the last answer of this phase and show that item again");
        help.add("  s  skip this item; another takes its place");
        help.add("  g  show the guidelines");
        help.add("  q  stop; every answer so far is saved, and solo start resumes here");
        help.add("");
        help.add("Press any key to go back to the item.");
        return help;
    }

    private static List<String> guidelines(LabelRequest request) {
        List<String> text = new ArrayList<>();
        text.add("Guidelines for " + request.scheme().name());
        text.add(request.scheme().guidelines().isEmpty() ? "(no description in the config)" : request.scheme().guidelines());
        text.add("Labels: " + String.join(", ", request.scheme().labels()));
        text.add("");
        text.add("Press any key to go back to the item.");
        return text;
    }

    /** U+2501, not U+2500: JLine turns U+2500 into the alternate character set, which some terminals show as 'q'. */
    private static AttributedString rule(int columns) {
        return styled(" " + "━".repeat(Math.max(1, columns - 2)), DIM, columns);
    }

    private static AttributedString styled(String text, AttributedStyle style, int columns) {
        String fitted = text.length() > columns ? text.substring(0, columns - 1) + "…" : text;
        return new AttributedString(fitted, style);
    }
}
