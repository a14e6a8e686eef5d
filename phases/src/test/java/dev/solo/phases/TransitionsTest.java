package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.config.ConfigLoader;
import dev.solo.config.SoloConfig;
import dev.solo.workflow.Phase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TransitionsTest {
    private final SoloConfig config = new ConfigLoader(name -> "x")
            .load(Path.of("..", "examples", "reference", "full-reference.yaml"));

    @Test
    void activeLabelingJumpsToEscalationAtTheAccuracyThreshold() {
        assertThat(Transitions.next(Phase.ACTIVE_LABELING, Outcome.THRESHOLD_REACHED, config))
                .isEqualTo(Phase.CONFIDENCE_ESCALATION);
        assertThat(Transitions.next(Phase.ACTIVE_LABELING, Outcome.DONE, config)).isEqualTo(Phase.REFINEMENT_LOOP);
    }

    @Test
    void failedValidationGoesBackToTheFallbackPhaseInANewRound() {
        Phase next = Transitions.next(Phase.FINAL_VALIDATION, Outcome.VALIDATION_FAILED, config);

        assertThat(next).isEqualTo(Phase.ACTIVE_LABELING);
        assertThat(Transitions.startsNewRound(Phase.FINAL_VALIDATION, next)).isTrue();
        assertThat(Transitions.startsNewRound(Phase.SEED_ANNOTATION, Phase.INITIAL_CALIBRATION)).isFalse();
    }

    @Test
    void everyOtherPhaseMovesOnByOne() {
        for (Phase phase : Phase.values()) {
            if (phase != Phase.FINAL_VALIDATION) {
                assertThat(Transitions.next(phase, Outcome.DONE, config).number()).isEqualTo(phase.number() + 1);
            }
        }
    }
}
