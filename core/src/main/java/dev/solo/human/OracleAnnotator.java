package dev.solo.human;

import dev.solo.SoloInputException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers every question from a gold-label file and fixed policies: for scripts, CI and
 * benchmarks. Labels come from gold; guideline edits and proven labeling functions are all
 * accepted or all turned down as the {@link ApprovalPolicy} ({@code --approve all|none}) says, and
 * that policy is recorded as who decided.
 */
public final class OracleAnnotator implements Annotator {
    private final GoldLabels gold;
    private final ApprovalPolicy approval;

    public OracleAnnotator(GoldLabels gold, ApprovalPolicy approval) {
        this.gold = Objects.requireNonNull(gold, "gold");
        this.approval = Objects.requireNonNull(approval, "approval");
    }

    /** An oracle that rejects guideline edits: {@code --approve none}, the documented default. */
    public OracleAnnotator(GoldLabels gold) {
        this(gold, ApprovalPolicy.NONE);
    }

    @Override
    public Answer ask(LabelRequest request) {
        String id = request.item().id();
        return gold.labelOf(id)
                .map(Answer::label)
                .orElseThrow(() -> new SoloInputException(gold.file(), "no gold label for id '" + id + "'",
                        "add a line for it; the labels given so far are saved"));
    }

    @Override
    public GuidelineDecisions review(GuidelineEditsRequest request) {
        List<GuidelineDecisions.EditDecision> decisions = request.edits().stream()
                .map(edit -> approval == ApprovalPolicy.ALL
                        ? GuidelineDecisions.EditDecision.approve(edit.id())
                        : GuidelineDecisions.EditDecision.reject(edit.id()))
                .toList();
        return new GuidelineDecisions(decisions, List.of(), approval.decidedBy(), false);
    }

    @Override
    public LabelingFunctionChoice choose(LabelingFunctionsRequest request) {
        Set<String> enabled = approval == ApprovalPolicy.ALL
                ? request.functions().stream().map(LabelingFunctionsRequest.ProposedFunction::name)
                        .collect(Collectors.toSet())
                : Set.of();
        return new LabelingFunctionChoice(enabled, List.of(), approval.decidedBy(), false);
    }

    @Override
    public String name() {
        return "oracle";
    }

    /** The gold file holds labels for the data's items only. */
    @Override
    public boolean labelsNewText() {
        return false;
    }
}
