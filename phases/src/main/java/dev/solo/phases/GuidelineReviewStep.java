package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.guidelines.GuidelineAdvisor;
import dev.solo.guidelines.GuidelineReview;
import dev.solo.guidelines.GuidelineSuggestion;
import dev.solo.guidelines.KeywordRule;
import dev.solo.human.Annotator;
import dev.solo.human.GuidelineDecisions;
import dev.solo.human.GuidelineDecisions.EditDecision;
import dev.solo.human.GuidelineEditsRequest;
import dev.solo.human.HumanExample;
import dev.solo.human.Progress;
import dev.solo.human.SchemeView;
import dev.solo.label.LabelingSetup;
import dev.solo.metrics.ConfusionReport;
import dev.solo.metrics.ConfusionReportJson;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One guideline review, as phase 4 and each round of the refinement loop hold it: from the latest
 * confusion analysis the advisor proposes edits, each with its evidence; the person approves, edits
 * or rejects each and may add their own ({@code require_approval: false} applies the proposals
 * without asking, {@code auto_suggest: false} proposes nothing). Accepted text becomes the next
 * guideline version, which the remote labelers' prompts and the guidelines screen use from then
 * on; the rules behind approved edits are kept for the labeling functions. The round's review is
 * stored, so a resumed run does not ask twice.
 */
final class GuidelineReviewStep {
    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final Optional<Annotator> person;
    private final Clock clock;

    GuidelineReviewStep(SoloConfig config, Store store, Models models, Optional<Annotator> person, Clock clock) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.person = person;
        this.clock = clock;
    }

    /** Reviews the guidelines for {@code round}, shown to the person as part of {@code phase}. */
    PhaseResult run(Phase phase, int round) {
        Optional<GuidelineReview> done = store.setups().review(round);
        if (done.isPresent()) {
            return new PhaseResult(Outcome.DONE, summary(done.get()));
        }
        PhasesConfig.GuidelineRefinement settings = config.solo().phases().guidelineRefinement();
        LabelingSetup current = store.setups().current();
        GuidelineAdvisor advisor = models.guidelineAdvisor();
        List<GuidelineSuggestion> suggestions = settings.autoSuggest() ? suggestions(advisor, current) : List.of();
        GuidelineDecisions decisions;
        if (!settings.requireApproval()) {
            decisions = new GuidelineDecisions(suggestions.stream().map(s -> EditDecision.approve(s.id())).toList(),
                    List.of(), "solo (require_approval: false)", false);
        } else if (person.isEmpty()) {
            return new PhaseResult(Outcome.NEEDS_HUMAN, suggestions.size() + " guideline edits to review");
        } else {
            decisions = person.get().review(request(phase, advisor, current, suggestions));
            if (decisions.stopped()) {
                return new PhaseResult(Outcome.QUIT, "guideline review not finished; nothing changed");
            }
        }
        GuidelineReview review = apply(round, current, suggestions, decisions);
        return new PhaseResult(Outcome.DONE, summary(review));
    }

    private List<GuidelineSuggestion> suggestions(GuidelineAdvisor advisor, LabelingSetup current) {
        Optional<ConfusionReport> report = store.measurements().confusionReport(null).map(ConfusionReportJson::read);
        if (report.isEmpty() || report.get().pairs().isEmpty()) {
            return List.of();
        }
        List<HumanExample> labels = store.humans().examples(config.scheme().name());
        Set<String> ids = new LinkedHashSet<>();
        labels.forEach(label -> ids.add(label.itemId()));
        report.get().pairs().forEach(pair -> ids.addAll(pair.exampleIds()));
        Map<String, String> texts = store.items().texts(ids);
        // A later round often finds the same pairs with the same examples: what the guidelines already
        // say is not proposed again.
        return advisor.suggest(current.guidelines(), report.get(), labels, texts).stream()
                .filter(suggestion -> !current.guidelines().contains(suggestion.text()))
                .toList();
    }

    private GuidelineEditsRequest request(Phase phase, GuidelineAdvisor advisor, LabelingSetup current,
                                          List<GuidelineSuggestion> suggestions) {
        return new GuidelineEditsRequest(
                Progress.of(config.task().taskName(), phase, store.humans().labeledItemCount()),
                new SchemeView(config.scheme().name(), current.guidelines(), config.scheme().labels()),
                suggestions.stream().map(s -> new GuidelineEditsRequest.ProposedEdit(s.id(), s.text(), s.evidence()))
                        .toList(),
                suggestions.isEmpty() ? "No edits to suggest; add your own or go on." : advisor.describe());
    }

    private GuidelineReview apply(int round, LabelingSetup current, List<GuidelineSuggestion> suggestions,
                                  GuidelineDecisions decisions) {
        List<String> accepted = new ArrayList<>();
        List<KeywordRule> rules = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        int approved = 0;
        int edited = 0;
        for (EditDecision decision : decisions.decisions()) {
            GuidelineSuggestion suggestion = suggestions.stream().filter(s -> s.id().equals(decision.editId()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no suggestion " + decision.editId()));
            switch (decision.verdict()) {
                case APPROVE -> {
                    approved++;
                    accepted.add(suggestion.text());
                    suggestion.rule().ifPresent(rules::add);
                    evidence.add(suggestion.evidence());
                }
                case EDIT -> {
                    edited++;
                    accepted.add(decision.text());
                    evidence.add(suggestion.evidence());
                }
                case REJECT -> {
                }
            }
        }
        accepted.addAll(decisions.added());
        Instant now = Instant.ofEpochMilli(clock.millis());
        Optional<LabelingSetup> next = accepted.isEmpty() ? Optional.empty()
                : Optional.of(current.withGuidelines(GuidelineText.extended(current.guidelines(), accepted),
                        decisions.decidedBy(), "round " + round + ": " + String.join("; ", evidence), now));
        GuidelineReview review = new GuidelineReview(round, decisions.decidedBy(), suggestions.size(), approved, edited,
                decisions.added().size(), next.map(LabelingSetup::version).orElse(current.version()), now);
        store.setups().saveReview(review, next, rules);
        return review;
    }

    private static String summary(GuidelineReview review) {
        return String.format("%d of %d suggested edits accepted%s by %s; guidelines version %d",
                review.approved() + review.edited(), review.proposed(),
                review.added() > 0 ? " and " + review.added() + " added" : "", review.decidedBy(),
                review.resultingVersion());
    }
}
