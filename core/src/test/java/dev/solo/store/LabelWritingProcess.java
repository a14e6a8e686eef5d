package dev.solo.store;

import dev.solo.human.HumanLabel;
import dev.solo.label.ModelLabel;
import dev.solo.labeler.Prediction;
import dev.solo.workflow.Phase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for the durability test: on one thread the model relabels every item over and
 * over in large transactions, while the main thread saves human labels one by one and prints
 * {@code saved <id>} once each save has returned. The test kills it with SIGKILL mid-way.
 */
public final class LabelWritingProcess {
    static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    private LabelWritingProcess() {
    }

    public static void main(String[] args) {
        Path stateFile = Path.of(args[0]);
        int items = Integer.parseInt(args[1]);
        SqliteStore store = SqliteStore.open(stateFile);
        Thread model = new Thread(() -> {
            for (int pass = 0; ; pass++) {
                store.predictions().save(predictions(items, pass));
            }
        }, "model");
        model.setDaemon(true);
        model.start();
        for (int i = 0; i < items; i++) {
            String id = "item-" + i;
            store.humans().saveLabel(humanLabel(id, LABELS.get(i % 3)));
            System.out.println("saved " + id);
            System.out.flush();
        }
        System.out.println("finished");
        System.out.flush();
    }

    static HumanLabel humanLabel(String id, String value) {
        return new HumanLabel(id, "sentiment", value, Phase.ACTIVE_LABELING, 1, "tester", Instant.now(), 5,
                "uncertain", 1);
    }

    static List<ModelLabel> predictions(int items, int pass) {
        List<ModelLabel> labels = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            double[] distribution = (i + pass) % 2 == 0 ? new double[] {0.7, 0.2, 0.1} : new double[] {0.1, 0.3, 0.6};
            labels.add(new ModelLabel(Prediction.of("item-" + i, LABELS, distribution, null), "sentiment", "test-model",
                    Phase.ACTIVE_LABELING, 1, 1, Instant.now()));
        }
        return labels;
    }
}
