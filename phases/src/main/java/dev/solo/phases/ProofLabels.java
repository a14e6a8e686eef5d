package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.util.HashMap;
import java.util.Map;

/**
 * The human labels that may prove a candidate: its own audit (random among the items it covers
 * that no one had labeled, which are the items it would label) and labels drawn at random over
 * the whole dataset. Other labels on its items (diversity seeds, other candidates' audits) were
 * not drawn at random from its coverage and would bias its precision.
 */
final class ProofLabels {
    private final SoloConfig config;
    private final Store store;

    ProofLabels(SoloConfig config, Store store) {
        this.config = config;
        this.store = store;
    }

    /**
     * Item id to the person's label, for candidate {@code index} (audited as batch index + 1) of the
     * round; {@code all} holds every human label in force.
     */
    Map<String, String> forCandidate(int round, int index, Map<String, String> all) {
        Map<String, String> proof = new HashMap<>();
        store.humans().examplesFromPool(config.scheme().name(), "random")
                .forEach(example -> proof.put(example.itemId(), example.label()));
        store.workflow().queue(Phase.LABELING_FUNCTIONS, round, index + 1).forEach(entry -> {
            String label = all.get(entry.itemId());
            if (label != null) {
                proof.put(entry.itemId(), label);
            }
        });
        return proof;
    }
}
