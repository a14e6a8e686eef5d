package dev.solo.cli.terminal;

import dev.solo.human.Progress;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The frame every screen is drawn in, and the pieces screens share. Pure: no I/O. */
final class Frame {
    static final AttributedStyle BOLD = AttributedStyle.BOLD;
    static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle KEY = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);

    private Frame() {
    }

    /**
     * The whole screen: top, rule, body (or the overlay text in its place), rule, details, keys,
     * notices, message, then the prompt line while the person types one. Exactly {@code rows}
     * lines: JLine's Display rewrites only the lines it knows changed, so a shorter frame would
     * leave the previous frame's lower lines on screen.
     */
    static List<AttributedString> compose(Screen<?> screen, List<String> overlay, List<String> notices,
                                          AttributedString prompt, int columns, int rows) {
        List<AttributedString> lines = new ArrayList<>(screen.top(columns));
        lines.add(rule(columns));
        List<AttributedString> below = new ArrayList<>();
        below.add(rule(columns));
        below.addAll(screen.details(columns));
        screen.keys().choiceLine().ifPresent(below::add);
        below.add(prompt != null ? prompt : styled(screen.keys().footer(), DIM, columns));
        below.add(AttributedString.EMPTY);
        below.addAll(noticeLines(notices, columns));
        if (!screen.message().isEmpty()) {
            below.add(styled(" " + screen.message(), DIM, columns));
        }
        int room = Math.max(1, rows - lines.size() - below.size());
        List<AttributedString> body = overlay.isEmpty() ? screen.body(columns, room) : wrap(overlay, columns);
        if (body.size() > room) {
            body = new ArrayList<>(body.subList(0, room));
            body.set(room - 1, styled(" … (more below; enlarge the terminal)", DIM, columns));
        }
        lines.addAll(body);
        lines.addAll(below);
        return fill(lines, columns, rows);
    }

    /** The frame between questions, while automatic work (embedding, training) runs. */
    static List<AttributedString> working(List<String> notices, int columns, int rows) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(styled(" solo is working; the next question shows when this is done", BOLD, columns));
        lines.add(rule(columns));
        lines.addAll(noticeLines(notices, columns));
        return fill(lines, columns, rows);
    }

    /** Notices wrapped to the width, not cut: a batch's line ends with its accuracy estimate. */
    private static List<AttributedString> noticeLines(List<String> notices, int columns) {
        List<AttributedString> lines = new ArrayList<>();
        for (String notice : notices) {
            for (String line : TextWrap.wrap(notice, columns - 2)) {
                lines.add(styled(" " + line, NOTICE, columns));
            }
        }
        return lines;
    }

    /**
     * Exactly {@code rows} lines, none reaching the last column: a line that fills it wraps, and
     * the wrapped part stays on screen under the next frame.
     */
    private static List<AttributedString> fill(List<AttributedString> lines, int columns, int rows) {
        List<AttributedString> frame = new ArrayList<>();
        for (AttributedString line : lines.subList(0, Math.min(rows, lines.size()))) {
            frame.add(line.columnLength() < columns ? line : line.columnSubSequence(0, columns - 1));
        }
        while (frame.size() < rows) {
            frame.add(AttributedString.EMPTY);
        }
        return frame;
    }

    /** "Reviews · Phase 6 Active Labeling · batch 3/15", bold. */
    static AttributedString header(Progress progress, int columns) {
        String header = progress.taskName() + " · Phase " + progress.phase().number() + " " + progress.phase().title();
        if (progress.batchCount() > 0) {
            header += " · batch " + progress.batch() + "/" + progress.batchCount();
        }
        return styled(" " + header, BOLD, columns);
    }

    /** "[████░░░░] 11/25 this batch · 142 human labels". */
    static AttributedString progressBar(Progress progress, int columns) {
        String counts = " " + progress.done() + "/" + progress.target()
                + (progress.batchCount() > 0 ? " this batch" : " this phase")
                + " · " + progress.humanLabelsTotal() + " human labels";
        int barWidth = Math.max(10, Math.min(30, columns - counts.length() - 4));
        int filled = progress.target() == 0 ? barWidth
                : (int) Math.min(barWidth, (long) barWidth * progress.done() / progress.target());
        return styled(" [" + "█".repeat(filled) + "░".repeat(barWidth - filled) + "]" + counts, AttributedStyle.DEFAULT,
                columns);
    }

    /** Text wrapped to the frame's width, each line indented by one space. */
    static List<AttributedString> wrap(List<String> paragraphs, int columns) {
        List<AttributedString> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            if (paragraph.length() <= columns - 2 && paragraph.lines().count() <= 1) {
                // Kept as it is: wrapping would collapse the spaces that align the help's columns.
                lines.add(new AttributedString(" " + paragraph));
                continue;
            }
            for (String line : TextWrap.wrap(paragraph, columns - 2)) {
                lines.add(new AttributedString(" " + line));
            }
        }
        return lines;
    }

    /** {@code left} and {@code right} on one line, {@code left} cut to fit. */
    static AttributedString spread(String left, String right, AttributedStyle style, int columns) {
        int room = columns - right.length() - 3;
        String fitted = left.length() > room ? left.substring(0, Math.max(1, room - 1)) + "…" : left;
        int gap = columns - fitted.length() - right.length() - 1;
        return new AttributedStringBuilder().style(style).append(fitted).append(" ".repeat(Math.max(2, gap)))
                .append(right).toAttributedString();
    }

    /** "1 function", "2 functions". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** U+2501, not U+2500: JLine turns U+2500 into the alternate character set, which some terminals show as 'q'. */
    static AttributedString rule(int columns) {
        return styled(" " + "━".repeat(Math.max(1, columns - 2)), DIM, columns);
    }

    /** One line in one style, cut with … to the width (never the last column, which would wrap). */
    static AttributedString styled(String text, AttributedStyle style, int columns) {
        String fitted = text.length() > columns - 1 ? text.substring(0, Math.max(1, columns - 2)) + "…" : text;
        return new AttributedString(fitted, style);
    }
}
