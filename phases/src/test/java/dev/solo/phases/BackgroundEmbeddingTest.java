package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.Answer;
import dev.solo.human.LabelRequest;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The person labels the seeds while the rest of the data is embedded; phase 2 waits for it, the person does not. */
class BackgroundEmbeddingTest {
    private static final String MODEL = "all-MiniLM-L6-v2";

    @TempDir
    Path dir;

    @Test
    void theFirstSeedIsAskedBeforeTheDataIsEmbeddedAndCalibrationFindsEveryVector() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 3_000, 10, "random");
        List<Integer> missingWhenAsked = new ArrayList<>();
        ScriptedAnnotator person = new ScriptedAnnotator() {
            @Override
            public Answer ask(LabelRequest request) {
                missingWhenAsked.add(task.store.vectors().itemsWithoutVector(MODEL).size());
                return super.ask(request);
            }
        };
        List<String> announcements = new ArrayList<>();

        task.workflow(Optional.of(person), 4, announcements::add)
                .run(finished -> finished == Phase.INITIAL_CALIBRATION);

        assertThat(missingWhenAsked).hasSize(10);
        assertThat(missingWhenAsked.get(0)).as("items still to embed when the first seed showed").isPositive();
        assertThat(task.store.vectors().itemsWithoutVector(MODEL)).isEmpty();
        assertThat(task.store.labeledRows().counts().llm()).isEqualTo(100);
        task.close();
    }
}
