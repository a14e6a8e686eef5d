package dev.solo.labeler.local;

import dev.solo.embed.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local labeler's "prompt": which shipped embedding model it reads, and whether it may smooth
 * its predictions over neighbours. Stored as a labeling setup's prompt variant, e.g.
 * {@code local:bge-small-en-v1.5} or {@code local:e5-small-v2 no-smoothing}.
 */
public record LocalVariant(EmbeddingModel model, boolean smoothing) {
    private static final String PREFIX = "local:";
    private static final String NO_SMOOTHING = " no-smoothing";

    public String name() {
        return PREFIX + model.configName() + (smoothing ? "" : NO_SMOOTHING);
    }

    /** "e5-small-v2, neighbour smoothing when cross-validation shows a gain", as the results table shows it. */
    public String describe() {
        return model.configName() + (smoothing ? ", neighbour smoothing when it helps" : ", no neighbour smoothing");
    }

    /** The variant a setup's prompt variant names; empty for the default or a remote labeler's variant. */
    public static Optional<LocalVariant> parse(String promptVariant) {
        if (promptVariant == null || !promptVariant.startsWith(PREFIX)) {
            return Optional.empty();
        }
        boolean smoothing = !promptVariant.endsWith(NO_SMOOTHING);
        String model = promptVariant.substring(PREFIX.length(),
                promptVariant.length() - (smoothing ? 0 : NO_SMOOTHING.length()));
        return EmbeddingModel.named(model).map(found -> new LocalVariant(found, smoothing));
    }

    /** Every variant: the given model's first (what runs now), then the others. */
    public static List<LocalVariant> all(EmbeddingModel current, boolean otherModels) {
        List<LocalVariant> variants = new ArrayList<>(List.of(new LocalVariant(current, true),
                new LocalVariant(current, false)));
        if (otherModels) {
            for (EmbeddingModel model : EmbeddingModel.values()) {
                if (model != current) {
                    variants.add(new LocalVariant(model, true));
                    variants.add(new LocalVariant(model, false));
                }
            }
        }
        return variants;
    }
}
