package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.label.LabelingSetup;
import dev.solo.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The composition root of one run: builds each phase runner with what it uses (its config, the
 * store's parts, the models, the person) and the workflow over them. Everything a run wires is
 * wired here, once; a new phase's runner is added to {@link #workflow}.
 *
 * @param person    empty in a non-interactive run
 * @param announcer hears what automatic work is doing, for the person to see
 */
public record TaskRun(SoloConfig config, Store store, Models models, Optional<Annotator> person, long randomSeed,
                      Clock clock, Consumer<String> announcer) {

    /** The workflow of this run. Stores the config's labeling setup as version 1 on a task's first run. */
    public Workflow workflow() {
        store.setups().saveFirst(new LabelingSetup(1, Objects.requireNonNullElse(config.scheme().description(), ""),
                LabelingSetup.DEFAULT_PROMPT_VARIANT, List.of(), "config", "the scheme's description in the config",
                Instant.ofEpochMilli(clock.millis())));
        HumanLabelingLoop labeling = new HumanLabelingLoop(config, store.items(), store.humans(), store.setups(),
                person, clock);
        List<PhaseRunner> runners = List.of(
                new SeedAnnotationPhase(config.solo(), store.items(), store.workflow(), store.humans(), models, labeling),
                new InitialCalibrationPhase(config, store, models, clock),
                new ConfusionAnalysisPhase(config, store.humans(), store.measurements(), models, clock),
                new GuidelineRefinementPhase(config, store, models, person, clock),
                new LabelingFunctionsPhase(config, store, models, labeling, person, clock, announcer),
                new ActiveLabelingPhase(config, store, models, labeling, clock, announcer),
                new RefinementLoopPhase(config, store, models, labeling, person, clock, announcer),
                new DisagreementExplorationPhase(config, store, models, labeling, clock, announcer),
                new EdgeCaseSynthesisPhase(config, store, models, labeling, clock, announcer),
                new ConfidenceEscalationPhase(config, store, models, labeling, clock, announcer),
                new PromptOptimizationPhase(config, store, models, clock, announcer),
                new FinalValidationPhase(config, store, models, labeling, clock));
        return new Workflow(runners, store.workflow(), config, randomSeed, announcer);
    }
}
