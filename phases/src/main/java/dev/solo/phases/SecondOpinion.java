package dev.solo.phases;

import dev.solo.config.LlmConfig;
import dev.solo.config.SoloConfig;
import dev.solo.human.HumanExample;
import dev.solo.label.LabelSource;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.metrics.ErrorRanking;
import dev.solo.metrics.RandomLabel;
import dev.solo.store.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * With a remote labeler, where its labels are most likely wrong. The embedded classifier learns
 * the same human labels; its probability of each remote label, and the remote model's own
 * confidence, are combined by a logistic regression fitted on the random human labels (the
 * embedded model's probabilities there cross-fitted, so it never scores an item it learned). On
 * recorded answers of a frontier model, the embedded probability put the errors first far better
 * than the model's own confidence; {@link Ranking#describe} says which signal did on this task.
 */
final class SecondOpinion {
    /** Below this many random labels the combination is not fitted and the remote confidence orders alone. */
    static final int MIN_RANDOM_LABELS = 20;
    private static final int FOLDS = 5;

    /** The chance each machine label is right, and how each signal ranked the errors on the random labels. */
    record Ranking(Map<String, Double> chanceRight, ErrorRanking.Comparison comparison) {
        String describe() {
            return String.format(Locale.ROOT, "Ranking errors on %d random labels (AUROC, 0.5 is chance): the remote model's "
                    + "confidence %.2f, the embedded model's probability %.2f, both %.2f; escalating by both.",
                    comparison.labels(), comparison.remote(), comparison.embedded(), comparison.combined());
        }
    }

    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final ModelRefresh refresh;

    SecondOpinion(SoloConfig config, Store store, Models models, ModelRefresh refresh) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.refresh = refresh;
    }

    /** Empty with the local labeler (it is the embedded model) or too few random labels to fit on. */
    Optional<Ranking> rank(Random folds) {
        String scheme = config.scheme().name();
        List<RandomLabel> random = store.accuracy().randomLabels(scheme);
        if (config.solo().llm().endpointType() == LlmConfig.EndpointType.LOCAL || random.size() < MIN_RANDOM_LABELS) {
            return Optional.empty();
        }
        Labeler embedded = models.embeddedLabeler(refresh.vectors());
        List<HumanExample> humans = store.humans().examples(scheme);
        List<ErrorRanking.Observation> observations = crossFitted(embedded, humans, random, folds);
        ErrorRanking ranking = ErrorRanking.fit(observations);
        Map<String, String> labels = new HashMap<>();
        Map<String, Double> confidences = new HashMap<>();
        store.labeledRows().forEach(row -> {
            if (row.source() != LabelSource.HUMAN) {
                labels.put(row.itemId(), row.value());
                confidences.put(row.itemId(), row.confidence());
            }
        });
        LabelingModel model = embedded.train(humans);
        Map<String, Double> chanceRight = new HashMap<>();
        List<String> ids = new ArrayList<>(labels.keySet());
        Collections.sort(ids);
        for (int from = 0; from < ids.size(); from += ModelRefresh.CHUNK) {
            for (Prediction prediction : model.predict(ids.subList(from, Math.min(ids.size(), from + ModelRefresh.CHUNK)))) {
                String id = prediction.itemId();
                chanceRight.put(id, ranking.probabilityRight(confidences.get(id), probabilityOf(prediction, labels.get(id))));
            }
        }
        return Optional.of(new Ranking(chanceRight, ErrorRanking.compare(observations, folds)));
    }

    private List<ErrorRanking.Observation> crossFitted(Labeler embedded, List<HumanExample> humans,
                                                       List<RandomLabel> random, Random folds) {
        List<RandomLabel> shuffled = new ArrayList<>(random);
        Collections.shuffle(shuffled, folds);
        List<ErrorRanking.Observation> observations = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<RandomLabel> heldOut = new ArrayList<>();
            for (int i = fold; i < shuffled.size(); i += FOLDS) {
                heldOut.add(shuffled.get(i));
            }
            Set<String> heldOutIds = new HashSet<>();
            heldOut.forEach(label -> heldOutIds.add(label.itemId()));
            List<Prediction> predictions = embedded.train(humans.stream()
                    .filter(example -> !heldOutIds.contains(example.itemId())).toList())
                    .predict(heldOut.stream().map(RandomLabel::itemId).toList());
            for (int i = 0; i < heldOut.size(); i++) {
                RandomLabel label = heldOut.get(i);
                observations.add(new ErrorRanking.Observation(label.machineConfidence(),
                        probabilityOf(predictions.get(i), label.machineLabel()), label.check().correct()));
            }
        }
        return observations;
    }

    private double probabilityOf(Prediction prediction, String label) {
        double[] distribution = prediction.distribution();
        int index = config.scheme().labels().indexOf(label);
        return distribution == null || index < 0 || index >= distribution.length ? 0 : distribution[index];
    }
}
