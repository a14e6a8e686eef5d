package dev.solo.cli.terminal;

import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineDecisions.EditDecision;
import dev.solo.human.GuidelineDecisions.Verdict;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.GuidelineEditsRequest.ProposedEdit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.utils.AttributedString;

/** Phase 4: the proposed guideline edits, each approved, edited in $EDITOR or rejected, plus the person's own. */
final class GuidelineReviewScreen implements Screen<GuidelineDecisions> {
    private static final int STATUS_WIDTH = 11;

    private final GuidelineEditsRequest request;
    private final TerminalSession session;
    private final String name;
    private final Map<String, EditDecision> decisions = new HashMap<>();
    private final List<String> added = new ArrayList<>();
    private final ReviewList list = new ReviewList();
    private final KeyTable<GuidelineDecisions> keys = new KeyTable<>();

    GuidelineReviewScreen(GuidelineEditsRequest request, TerminalSession session, String name) {
        this.request = request;
        this.session = session;
        this.name = name;
        keys.key("a", "approve", "approve the selected edit as proposed", this::approve)
                .key("e", "edit", "rewrite the selected edit in $EDITOR; saving approves your text", this::edit)
                .key("r", "reject", "reject the selected edit (or drop one of your own)", this::reject)
                .key("n", "add", "write a guideline edit of your own in $EDITOR", this::add)
                .keys(List.of("up", "k"), "↑↓ j k", "move", "move the selection up or down", () -> move(-1))
                .keys(List.of("down", "j"), "", null, null, () -> move(1))
                .key("g", null, "show the current guidelines", () -> Step.show(List.of(
                        "Guidelines for " + request.scheme().name(), request.scheme().guidelines(), "",
                        "Press any key to go back.")))
                .keys(List.of("enter"), "enter", "finish", "finish, once every proposed edit is decided", this::finish)
                .withHelp("Keys")
                .key("q", "stop", "stop for now; solo start comes back to this review", () -> Step.done(result(true)));
    }

    private int size() {
        return request.edits().size() + added.size();
    }

    private Optional<ProposedEdit> selectedEdit() {
        int index = list.selected();
        return index < request.edits().size() ? Optional.of(request.edits().get(index)) : Optional.empty();
    }

    private Step<GuidelineDecisions> approve() {
        selectedEdit().ifPresentOrElse(edit -> decide(EditDecision.approve(edit.id())),
                () -> session.notice("Your own edits are kept as written; r drops one."));
        return Step.stay();
    }

    private Step<GuidelineDecisions> reject() {
        Optional<ProposedEdit> edit = selectedEdit();
        if (edit.isPresent()) {
            decide(EditDecision.reject(edit.get().id()));
        } else if (size() > 0) {
            added.remove(list.selected() - request.edits().size());
            list.keepWithin(size());
        }
        return Step.stay();
    }

    private Step<GuidelineDecisions> edit() {
        Optional<ProposedEdit> edit = selectedEdit();
        if (edit.isPresent()) {
            session.edit(textOf(edit.get())).ifPresent(text -> decide(EditDecision.edit(edit.get().id(), text)));
        } else if (size() > 0) {
            int index = list.selected() - request.edits().size();
            session.edit(added.get(index)).ifPresent(text -> added.set(index, text));
        }
        return Step.stay();
    }

    private Step<GuidelineDecisions> add() {
        session.edit("").ifPresent(text -> {
            added.add(text);
            list.move(size(), size());
        });
        return Step.stay();
    }

    private Step<GuidelineDecisions> finish() {
        long undecided = request.edits().stream().filter(edit -> !decisions.containsKey(edit.id())).count();
        if (undecided > 0) {
            session.notice(undecided + (undecided == 1 ? " edit is" : " edits are")
                    + " undecided: a, e or r each, then enter (q stops for now).");
            return Step.stay();
        }
        return Step.done(result(false));
    }

    private void decide(EditDecision decision) {
        decisions.put(decision.editId(), decision);
        list.move(1, size());
    }

    private String textOf(ProposedEdit edit) {
        EditDecision decision = decisions.get(edit.id());
        return decision != null && decision.verdict() == Verdict.EDIT ? decision.text() : edit.text();
    }

    private GuidelineDecisions result(boolean stopped) {
        List<EditDecision> inOrder = request.edits().stream().map(edit -> decisions.get(edit.id()))
                .filter(decision -> decision != null).toList();
        return new GuidelineDecisions(inOrder, added, name, stopped);
    }

    private Step<GuidelineDecisions> move(int by) {
        list.move(by, size());
        return Step.stay();
    }

    @Override
    public List<AttributedString> top(int columns) {
        long approved = count(Verdict.APPROVE);
        long edited = count(Verdict.EDIT);
        long rejected = count(Verdict.REJECT);
        String counts = " " + Frame.count(request.edits().size(), "proposed edit") + " · " + approved + " approved · " + edited
                + " edited · " + rejected + " rejected · " + added.size() + " your own";
        return List.of(Frame.header(request.progress(), columns), Frame.styled(counts, Frame.DIM, columns));
    }

    private long count(Verdict verdict) {
        return decisions.values().stream().filter(decision -> decision.verdict() == verdict).count();
    }

    @Override
    public List<AttributedString> body(int columns, int rows) {
        if (size() == 0) {
            return Frame.wrap(List.of("No edits proposed. Press n to write one of your own, or enter to finish."),
                    columns);
        }
        int width = columns - 4 - STATUS_WIDTH;
        List<ReviewList.Entry> entries = new ArrayList<>();
        for (ProposedEdit edit : request.edits()) {
            EditDecision decision = decisions.get(edit.id());
            String status = decision == null ? "undecided" : switch (decision.verdict()) {
                case APPROVE -> "approved";
                case EDIT -> "edited";
                case REJECT -> "rejected";
            };
            List<String> because = edit.evidence().isEmpty() ? List.of()
                    : indent(TextWrap.wrap("because " + edit.evidence(), width), STATUS_WIDTH);
            entries.add(new ReviewList.Entry(tagged(status, textOf(edit), width), because));
        }
        for (String text : added) {
            entries.add(new ReviewList.Entry(tagged("your own", text, width), List.of()));
        }
        return list.window(entries, rows);
    }

    private static List<String> tagged(String status, String text, int width) {
        List<String> lines = new ArrayList<>(indent(TextWrap.wrap(text, width), STATUS_WIDTH));
        lines.set(0, String.format("%-" + STATUS_WIDTH + "s", status) + lines.get(0).substring(STATUS_WIDTH));
        return lines;
    }

    private static List<String> indent(List<String> lines, int by) {
        return lines.stream().map(line -> " ".repeat(by) + line).toList();
    }

    @Override
    public List<AttributedString> details(int columns) {
        return List.of();
    }

    @Override
    public KeyTable<GuidelineDecisions> keys() {
        return keys;
    }

    @Override
    public String message() {
        return request.message();
    }

    @Override
    public GuidelineDecisions interrupted() {
        return result(true);
    }
}
