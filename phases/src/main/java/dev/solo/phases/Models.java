package dev.solo.phases;

import dev.solo.SoloInputException;
import dev.solo.config.LlmConfig;
import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.embed.ItemEmbeddings;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.local.LocalLabeler;
import java.util.Collection;

/**
 * The models a task's config asks for: the embedding model of seed selection
 * ({@code seed.embedding_model}) and the labeler ({@code llm}; for {@code local}, its
 * {@code model} names the embedding model, by default the seed one). Vectors are computed on
 * first use and stored with the task.
 */
public final class Models {
    private final PhaseContext context;

    Models(PhaseContext context) {
        this.context = context;
    }

    public EmbeddingModel seedEmbeddingModel() {
        return shipped(context.config().solo().phases().seed().embeddingModel());
    }

    public EmbeddingModel labelerEmbeddingModel() {
        String model = context.config().solo().llm().model();
        return model == null ? seedEmbeddingModel() : shipped(model);
    }

    /** The vectors of these items, embedding those not stored yet. */
    public EmbeddingMatrix vectors(EmbeddingModel model, Collection<String> itemIds) {
        return new ItemEmbeddings(context.store(), context::announce).forItems(model, itemIds);
    }

    /** The configured labeler, able to learn from and label the given items. */
    public Labeler labeler(Collection<String> itemIds) {
        LlmConfig llm = context.config().solo().llm();
        if (llm.endpointType() != LlmConfig.EndpointType.LOCAL) {
            throw new SoloInputException(context.config().file(),
                    "endpoint_type '" + llm.endpointType().name().toLowerCase() + "' is not available in this version of solo",
                    "set solo_mode.llm.endpoint_type to local (the embedded offline labeler)");
        }
        EmbeddingModel model = labelerEmbeddingModel();
        return new LocalLabeler(vectors(model, itemIds), model, context.config().scheme().labels(),
                context.randomSeed());
    }

    private static EmbeddingModel shipped(String name) {
        // The config loader has already refused names that are not shipped.
        return EmbeddingModel.named(name).orElseThrow();
    }
}
