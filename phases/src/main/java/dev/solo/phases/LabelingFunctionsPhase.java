package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Phase 5, labeling functions: candidates are proposed (from the person's and the model's labels,
 * and approved guideline rules), frozen for the round, and proven by a small blind audit; those
 * whose precision's 95% lower bound reaches {@code min_precision} (at most {@code max_functions})
 * are shown with precision and coverage for the person to keep or switch off; rules the person
 * types are audited the same way and the review shown again. The kept functions' combined votes
 * label the items where they are more reliable than the model. Each refinement round mines again
 * from the grown labels ({@link FunctionRound}).
 */
public final class LabelingFunctionsPhase implements PhaseRunner {
    private final FunctionRound functions;

    public LabelingFunctionsPhase(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling,
                                  Optional<Annotator> person, Clock clock, Consumer<String> announcer) {
        this.functions = new FunctionRound(config, store, models, labeling, person, clock, announcer);
    }

    @Override
    public Phase phase() {
        return Phase.LABELING_FUNCTIONS;
    }

    @Override
    public boolean enabledBy(SoloConfig config) {
        return config.solo().phases().labelingFunctions().enabled();
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        return functions.run(phase(), context, false);
    }
}
