package dev.solo.store;

import dev.solo.workflow.Phase;
import java.time.Instant;

/**
 * A label given by a model (or a labeling function): the item's current machine label, with the
 * model's reasoning when it gave one.
 */
public record ModelLabel(String itemId, String schemaName, String value, double confidence, double margin,
                         String reasoning, LabelSource source, String labeler, Phase phase, int round,
                         Instant createdAt) {
}
