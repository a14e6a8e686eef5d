package dev.solo.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.solo.human.HumanLabel;
import dev.solo.label.LabelingSetup;
import dev.solo.lf.FunctionRecord;
import dev.solo.lf.KeywordFunction;
import dev.solo.workflow.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept function is measured again as random labels land on its items, and switched off when it fails. */
class FunctionRecheckTest {
    @TempDir
    Path dir;

    private final List<String> announcements = new ArrayList<>();

    @Test
    void aFunctionThatRandomLabelsProveWrongIsSwitchedOffAndItsVotesWithdrawn() throws IOException {
        // "film" is on every item, so "film -> Positive" is right only a third of the time.
        TaskFixture task = TaskFixture.create(dir, 90, 10, "random", "", i -> "a film " + i);
        KeywordFunction film = new KeywordFunction("film", "Positive");
        task.store.setups().saveFirst(new LabelingSetup(1, "", LabelingSetup.DEFAULT_PROMPT_VARIANT, List.of(), "config",
                "", Instant.EPOCH));
        task.store.functions().save(1, List.of(FunctionRecord.of(film, 90, 29, 29, FunctionRecord.Status.ENABLED, "ann")));
        FunctionVotes votes = new FunctionVotes(task.config, task.store, Clock.systemUTC());
        votes.apply(Phase.LABELING_FUNCTIONS, 1, task.store.functions().of(1),
                new ItemInputs(task.store.items(), () -> null), "ann", "round 1: labeling functions");
        assertThat(task.store.functionLabels().count()).isEqualTo(90);
        for (int i = 0; i < 12; i++) {
            task.store.humans().saveLabel(new HumanLabel("item-" + i, "sentiment", TaskFixture.goldFor("item-" + i),
                    Phase.ACTIVE_LABELING, 1, "ann", Instant.EPOCH, 10, "random", 1));
        }

        new FunctionRecheck(task.config, task.store, () -> null, Clock.systemUTC(), announcements::add)
                .run(Phase.ACTIVE_LABELING, 1);

        assertThat(task.store.functions().of(1)).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(FunctionRecord.Status.DISABLED);
            assertThat(record.checked()).isEqualTo(12);
            assertThat(record.correct()).isEqualTo(4);
        });
        assertThat(task.store.functionLabels().count()).isZero();
        assertThat(task.store.setups().current().enabledFunctions()).isEmpty();
        assertThat(announcements).singleElement().asString()
                .startsWith("Labeling function keyword:film->Positive is switched off: 4 of 12");
        task.close();
    }

    @Test
    void aFunctionTheNewLabelsAgreeWithStaysOnWithTheGrownCount() throws IOException {
        TaskFixture task = TaskFixture.create(dir, 90, 10, "random", "", i -> (i % 3 == 0 ? "a great film " : "a film ") + i);
        KeywordFunction great = new KeywordFunction("great", "Positive");
        task.store.functions().save(1, List.of(FunctionRecord.of(great, 30, 29, 29, FunctionRecord.Status.ENABLED, "ann")));
        for (int i = 0; i < 90; i += 3) {
            task.store.humans().saveLabel(new HumanLabel("item-" + i, "sentiment", "Positive", Phase.ACTIVE_LABELING, 1,
                    "ann", Instant.EPOCH, 10, "random", 1));
        }

        new FunctionRecheck(task.config, task.store, () -> null, Clock.systemUTC(), announcements::add)
                .run(Phase.ACTIVE_LABELING, 1);

        assertThat(task.store.functions().of(1)).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(FunctionRecord.Status.ENABLED);
            assertThat(record.checked()).isEqualTo(30);
            assertThat(record.correct()).isEqualTo(30);
        });
        assertThat(announcements).isEmpty();
        task.close();
    }
}
