package dev.solo.phases;

import dev.solo.embed.EmbeddingMatrix;
import dev.solo.embed.EmbeddingModel;
import dev.solo.guidelines.GuidelineAdvisor;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.llm.EdgeCaseWriter;
import dev.solo.labeler.llm.LlmLabeler;
import dev.solo.labeler.llm.PromptVariant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The models a task's config asks for, made once per run and given to the runners that use them. */
public interface Models extends AutoCloseable {

    /** The configured labeler, able to learn from and label the given items. */
    Labeler labeler(Collection<String> itemIds);

    /**
     * The configured labeler over vectors already at hand (from {@link #labelerVectors}), so that a
     * phase holding every item's vectors keeps one copy of them.
     */
    Labeler labeler(EmbeddingMatrix labelerVectors);

    /**
     * The configured remote labeler asking in {@code variant}'s way, over vectors that choose its
     * examples. Only for a config that names a remote labeler.
     */
    LlmLabeler remoteLabeler(PromptVariant variant, EmbeddingMatrix labelerVectors);

    /**
     * The embedded classifier over these vectors, whichever labeler the config names: beside a
     * remote model it is a second opinion on where that model errs.
     */
    Labeler embeddedLabeler(EmbeddingMatrix labelerVectors);

    /**
     * Every item's vectors under the labeler's embedding model, loaded once per run and shared by
     * the phases (at a million items one copy is 384 MB), embedding those not stored yet.
     */
    EmbeddingMatrix everyItemVectors();

    /** Vectors of the given items under {@code model}, embedding those not stored yet. */
    EmbeddingMatrix vectorsUnder(EmbeddingModel model, Collection<String> itemIds);

    /** Vectors of the given items under seed selection's embedding model, embedding those not stored yet. */
    EmbeddingMatrix seedVectors(Collection<String> itemIds);

    /**
     * Vectors of the given items under the labeler's embedding model ({@code llm.model} for the
     * local labeler, else the seed one), embedding those not stored yet: what embedding
     * neighbourhoods are mined from and fire on.
     */
    EmbeddingMatrix labelerVectors(Collection<String> itemIds);

    /** What writes edge cases for phase 9: the remote labeler's model; none offline. */
    Optional<EdgeCaseWriter> edgeCaseWriter();

    /** One normalized vector per text under the labeler's embedding model, for texts that are not items (yet). */
    float[][] encodeTexts(List<String> texts);

    /** What proposes guideline edits: the remote labeler's model, or offline the words in the person's labels. */
    GuidelineAdvisor guidelineAdvisor();

    /**
     * Starts embedding every item for the labeler on a thread of its own, so the person can label
     * while it runs; whatever needs those vectors later waits for it. Does nothing when every item
     * is embedded or it was started already.
     */
    void embedInBackground();

    /** Stops background work; what it saved is kept. */
    @Override
    void close();
}
