package dev.solo.human;

import dev.solo.dataset.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a person needs to label one item, and to see where the work stands.
 *
 * <p>A <em>blind</em> request (phase 12's final validation) shows nothing of the model: it
 * carries no evidence, and a screen shows only the pool of {@code whyChosen}, not its detail,
 * so the person's label is an independent check of the machine's.
 *
 * @param evidence the machine's view of the item, empty when there is none to show
 * @param message  a one-line notice for the person (the last action's result), may be empty
 */
public record LabelRequest(Progress progress, SchemeView scheme, Item item, WhyChosen whyChosen,
                           Optional<Evidence> evidence, boolean blind, String message) {
    public LabelRequest {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(whyChosen, "whyChosen");
        Objects.requireNonNull(evidence, "evidence");
        message = Objects.requireNonNullElse(message, "");
        if (blind && evidence.isPresent()) {
            throw new IllegalArgumentException("a blind request shows nothing of the model: no evidence");
        }
    }

    /** A request without evidence, not blind. */
    public LabelRequest(Progress progress, SchemeView scheme, Item item, WhyChosen whyChosen, String message) {
        this(progress, scheme, item, whyChosen, Optional.empty(), false, message);
    }

    /** A request that shows the model's view beside the item. */
    public static LabelRequest withEvidence(Progress progress, SchemeView scheme, Item item, WhyChosen whyChosen,
                                            Evidence evidence, String message) {
        return new LabelRequest(progress, scheme, item, whyChosen, Optional.of(evidence), false, message);
    }

    /** A blind request: the person labels without seeing anything of the model. */
    public static LabelRequest blind(Progress progress, SchemeView scheme, Item item, WhyChosen whyChosen,
                                     String message) {
        return new LabelRequest(progress, scheme, item, whyChosen, Optional.empty(), true, message);
    }
}
