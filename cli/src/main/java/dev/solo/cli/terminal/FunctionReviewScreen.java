package dev.solo.cli.terminal;

import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import dev.solo.human.LabelingFunctionsRequest.ProposedFunction;
import dev.solo.human.TypedRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.utils.AttributedString;

/** Phase 5: the mined labeling functions with precision and coverage, each on or off, plus rules the person types. */
final class FunctionReviewScreen implements Screen<LabelingFunctionChoice> {
    private static final String PRECISION = "precision (bound, n)";
    private static final int PRECISION_WIDTH = 22;
    private static final int COVERAGE_WIDTH = 9;

    private final LabelingFunctionsRequest request;
    private final TerminalSession session;
    private final String name;
    private final Set<String> enabled = new LinkedHashSet<>();
    private final List<TypedRule> added = new ArrayList<>();
    private final ReviewList list = new ReviewList();
    private final KeyTable<LabelingFunctionChoice> keys = new KeyTable<>();

    FunctionReviewScreen(LabelingFunctionsRequest request, TerminalSession session, String name) {
        this.request = request;
        this.session = session;
        this.name = name;
        request.functions().forEach(function -> enabled.add(function.name()));
        keys.keys(List.of("space"), "space", "on/off", "turn the selected function on or off (drops one of your own)",
                        this::toggle)
                .keys(List.of("up", "k"), "↑↓ j k", "move", "move the selection up or down", () -> move(-1))
                .keys(List.of("down", "j"), "", null, null, () -> move(1))
                .key("t", "type your own", "type a rule: " + RuleInput.SYNTAX, this::type)
                .keys(List.of("enter"), "enter", "finish", "finish: the functions marked [x] label the items they cover",
                        () -> Step.done(result(false)))
                .withHelp("Keys")
                .key("q", "stop", "stop for now; solo start comes back to this review", () -> Step.done(result(true)));
    }

    private int size() {
        return request.functions().size() + added.size();
    }

    private Step<LabelingFunctionChoice> move(int by) {
        list.move(by, size());
        return Step.stay();
    }

    private Step<LabelingFunctionChoice> toggle() {
        int index = list.selected();
        if (index < request.functions().size()) {
            String function = request.functions().get(index).name();
            if (!enabled.remove(function)) {
                enabled.add(function);
            }
        } else if (size() > 0) {
            added.remove(index - request.functions().size());
            list.keepWithin(size());
        }
        return Step.stay();
    }

    private Step<LabelingFunctionChoice> type() {
        session.readLine("rule (" + RuleInput.SYNTAX + "):").ifPresent(line -> {
            try {
                added.add(RuleInput.parse(line, request.scheme().labels()));
                list.move(size(), size());
            } catch (IllegalArgumentException e) {
                session.notice(e.getMessage());
            }
        });
        return Step.stay();
    }

    private LabelingFunctionChoice result(boolean stopped) {
        return new LabelingFunctionChoice(enabled, added, name, stopped);
    }

    @Override
    public List<AttributedString> top(int columns) {
        String counts = " " + Frame.count(request.functions().size(), "function") + " proposed · " + enabled.size()
                + " on · " + added.size() + " your own";
        return List.of(Frame.header(request.progress(), columns), Frame.styled(counts, Frame.DIM, columns));
    }

    @Override
    public List<AttributedString> body(int columns, int rows) {
        if (size() == 0) {
            return Frame.wrap(List.of("No labeling function met the thresholds. Press t to type one, or enter to finish."),
                    columns);
        }
        int labelWidth = request.scheme().labels().stream().mapToInt(String::length).max().orElse(5) + 2;
        int functionWidth = Math.max(10, columns - 3 - 4 - labelWidth - PRECISION_WIDTH - COVERAGE_WIDTH - 1);
        List<AttributedString> lines = new ArrayList<>();
        lines.add(new AttributedString("       " + pad("function", functionWidth) + pad("label", labelWidth)
                + pad(PRECISION, PRECISION_WIDTH) + "coverage", Frame.DIM));
        List<ReviewList.Entry> entries = new ArrayList<>();
        for (ProposedFunction function : request.functions()) {
            String what = function.description().isEmpty() ? function.name() : function.description();
            String precision = String.format(Locale.ROOT, "%.2f (≥%.2f, n=%d)", function.precision(),
                    function.precisionLowerBound(), function.n());
            String coverage = String.format(Locale.ROOT, "%6.1f%%", 100 * function.coverage());
            entries.add(new ReviewList.Entry(List.of((enabled.contains(function.name()) ? "[x] " : "[ ] ")
                    + pad(what, functionWidth) + pad(function.label(), labelWidth) + pad(precision, PRECISION_WIDTH)
                    + coverage), List.of()));
        }
        for (TypedRule rule : added) {
            entries.add(new ReviewList.Entry(List.of("[+] " + pad(RuleInput.describe(rule), functionWidth)
                    + pad(rule.label(), labelWidth) + "your own: measured once applied"), List.of()));
        }
        lines.addAll(list.window(entries, rows - 1));
        return lines;
    }

    private static String pad(String text, int width) {
        String fitted = text.length() > width - 1 ? text.substring(0, Math.max(1, width - 2)) + "…" : text;
        return fitted + " ".repeat(width - fitted.length());
    }

    @Override
    public List<AttributedString> details(int columns) {
        return List.of();
    }

    @Override
    public KeyTable<LabelingFunctionChoice> keys() {
        return keys;
    }

    @Override
    public String message() {
        return request.message();
    }

    @Override
    public LabelingFunctionChoice interrupted() {
        return result(true);
    }
}
