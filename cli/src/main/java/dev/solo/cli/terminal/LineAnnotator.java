package dev.solo.cli.terminal;

import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.Evidence;
import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineDecisions.EditDecision;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.LabelRequest;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import dev.solo.human.LabelingFunctionsRequest.ProposedFunction;
import dev.solo.human.TypedRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fallback when standard input is not a terminal: each question is printed and answered as
 * a line. End of input means save and quit.
 */
public final class LineAnnotator implements Annotator {
    private final BufferedReader in;
    private final PrintStream out;
    private final String name;

    public LineAnnotator(BufferedReader in, PrintStream out, String name) {
        this.in = in;
        this.out = out;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer ask(LabelRequest request) {
        if (!request.message().isEmpty()) {
            out.println(request.message());
        }
        out.printf("%n[phase %d %s · %d/%d] id %s (%s)%n", request.progress().phase().number(),
                request.progress().phase().title(), request.progress().done(), request.progress().target(),
                request.item().id(), request.blind() ? request.whyChosen().pool() : request.whyChosen().describe());
        out.println(request.item().text());
        request.evidence().ifPresent(this::printEvidence);
        List<String> labels = request.scheme().labels();
        StringBuilder choices = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            choices.append(LabelKeys.keyFor(i)).append('=').append(labels.get(i)).append("  ");
        }
        while (true) {
            String line = prompt(choices + "u=undo s=skip q=quit > ");
            if (line == null) {
                return Answer.quit();
            }
            String answer = line.trim();
            for (String label : labels) {
                if (label.equalsIgnoreCase(answer)) {
                    return Answer.label(label);
                }
            }
            if (answer.length() == 1) {
                Optional<Answer> byKey = LabelKeys.answerFor(answer.charAt(0), labels);
                if (byKey.isPresent()) {
                    return byKey.get();
                }
            }
            out.println("'" + answer + "' is not an answer here.");
        }
    }

    private void printEvidence(Evidence evidence) {
        out.printf("model: %s %.2f%n", evidence.modelLabel(), evidence.confidence());
        evidence.votes().forEach(vote -> out.println("function " + vote.function() + ": " + vote.label()));
        evidence.neighbours().forEach(near -> out.printf("neighbour %s (%.2f) %s: %s%n", near.itemId(),
                near.similarity(), near.label(), near.text()));
        if (!evidence.reasoning().isEmpty()) {
            out.println("reasoning: " + evidence.reasoning());
        }
    }

    /** Each edit in turn: a, r, or e followed by the new text on the next line; then own edits. */
    @Override
    public GuidelineDecisions review(GuidelineEditsRequest request) {
        List<EditDecision> decisions = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (GuidelineEditsRequest.ProposedEdit edit : request.edits()) {
            out.printf("%nProposed guideline edit %s: %s%n  because %s%n", edit.id(), edit.text(), edit.evidence());
            EditDecision decision = null;
            while (decision == null) {
                String line = prompt("a=approve e=edit r=reject q=stop > ");
                if (line == null || line.trim().equals("q")) {
                    return new GuidelineDecisions(decisions, added, name, true);
                }
                decision = switch (line.trim()) {
                    case "a" -> EditDecision.approve(edit.id());
                    case "r" -> EditDecision.reject(edit.id());
                    case "e" -> edited(edit.id());
                    default -> {
                        out.println("'" + line.trim() + "' is not an answer here.");
                        yield null;
                    }
                };
            }
            decisions.add(decision);
        }
        for (String line = prompt("Add a guideline of your own (empty line to finish) > "); line != null && !line.isBlank();
             line = prompt("Another (empty line to finish) > ")) {
            added.add(line.strip());
        }
        return new GuidelineDecisions(decisions, added, name, false);
    }

    private EditDecision edited(String editId) {
        String text = prompt("new text > ");
        if (text == null || text.isBlank()) {
            out.println("An empty edit changes nothing; decide again.");
            return null;
        }
        return EditDecision.edit(editId, text.strip());
    }

    /** The functions as a numbered list; the numbers typed are disabled; then own rules. */
    @Override
    public LabelingFunctionChoice choose(LabelingFunctionsRequest request) {
        List<ProposedFunction> functions = request.functions();
        Set<String> enabled = new LinkedHashSet<>();
        for (int i = 0; i < functions.size(); i++) {
            ProposedFunction function = functions.get(i);
            enabled.add(function.name());
            out.printf("%2d %s -> %s  precision %.2f (≥%.2f, n=%d)  coverage %.1f%%%n", i + 1, function.description(),
                    function.label(), function.precision(), function.precisionLowerBound(), function.n(),
                    100 * function.coverage());
        }
        String disable = functions.isEmpty() ? "" : prompt("Numbers to disable, e.g. 2 5 (empty keeps all) > ");
        if (disable == null) {
            return new LabelingFunctionChoice(enabled, List.of(), name, true);
        }
        for (String number : disable.trim().split("[ ,]+")) {
            try {
                enabled.remove(functions.get(Integer.parseInt(number) - 1).name());
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                if (!number.isEmpty()) {
                    out.println("'" + number + "' is not a number in the list; ignored.");
                }
            }
        }
        List<TypedRule> added = new ArrayList<>();
        for (String line = prompt("Type a rule (" + RuleInput.SYNTAX + "; empty to finish) > ");
             line != null && !line.isBlank(); line = prompt("Another rule (empty to finish) > ")) {
            try {
                added.add(RuleInput.parse(line, request.scheme().labels()));
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
            }
        }
        return new LabelingFunctionChoice(enabled, added, name, false);
    }

    @Override
    public void announce(String message) {
        out.println(message);
    }

    /** The next line, or null at the end of input. */
    private String prompt(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
