package dev.solo.phases;

import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.LabelRequest;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A person who answers a script of keys ("label", "skip", "undo", "quit") and then labels every
 * item with its fixture gold label; approves every guideline edit and keeps every labeling
 * function. Records the items it was shown. Tests extend it to answer one kind of request their own way.
 */
class ScriptedAnnotator implements Annotator {
    private final Deque<String> script;
    final List<String> shown = new ArrayList<>();
    final List<LabelRequest> requests = new ArrayList<>();

    ScriptedAnnotator(String... script) {
        this.script = new ArrayDeque<>(List.of(script));
    }

    @Override
    public Answer ask(LabelRequest request) {
        shown.add(request.item().id());
        requests.add(request);
        String next = script.isEmpty() ? "label" : script.removeFirst();
        return switch (next) {
            case "skip" -> Answer.skip();
            case "undo" -> Answer.undo();
            case "quit" -> Answer.quit();
            default -> Answer.label(TaskFixture.goldFor(request.item().id()));
        };
    }

    @Override
    public GuidelineDecisions review(GuidelineEditsRequest request) {
        return new GuidelineDecisions(request.edits().stream()
                .map(edit -> GuidelineDecisions.EditDecision.approve(edit.id()))
                .toList(), List.of(), name(), false);
    }

    @Override
    public LabelingFunctionChoice choose(LabelingFunctionsRequest request) {
        return new LabelingFunctionChoice(request.functions().stream()
                .map(LabelingFunctionsRequest.ProposedFunction::name)
                .collect(Collectors.toSet()), List.of(), name(), false);
    }

    @Override
    public String name() {
        return "scripted";
    }
}
