package dev.solo.embed;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentence-embedding models shipped inside solo's jar (int8-quantized ONNX files with their
 * tokenizers). Nothing is ever downloaded: a name not listed here is an error.
 */
public enum EmbeddingModel {
    ALL_MINILM_L6_V2("all-MiniLM-L6-v2", "/all-minilm-l6-v2-q", Pooling.MEAN, ""),
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "/bge-small-en-v1.5-q", Pooling.CLS, ""),
    E5_SMALL_V2("e5-small-v2", "/e5-small-v2-q", Pooling.MEAN, "query: ");

    /** How token vectors become one sentence vector, as each model was trained. */
    public enum Pooling { MEAN, CLS }

    private final String configName;
    private final String resourceStem;
    private final Pooling pooling;
    private final String textPrefix;

    EmbeddingModel(String configName, String resourceStem, Pooling pooling, String textPrefix) {
        this.configName = configName;
        this.resourceStem = resourceStem;
        this.pooling = pooling;
        this.textPrefix = textPrefix;
    }

    /** The name used in configs ({@code embedding_model}) and in the task state. */
    public String configName() {
        return configName;
    }

    String onnxResource() {
        return resourceStem + ".onnx";
    }

    String tokenizerResource() {
        return resourceStem + "-tokenizer.json";
    }

    Pooling pooling() {
        return pooling;
    }

    /** Prepended to every text (e5 was trained on "query: ..." inputs). */
    String textPrefix() {
        return textPrefix;
    }

    /** The model with that config name (case-insensitive), if solo ships it. */
    public static Optional<EmbeddingModel> named(String name) {
        return Arrays.stream(values()).filter(model -> model.configName.equalsIgnoreCase(name)).findFirst();
    }

    /** The config names of every shipped model, for error messages. */
    public static String availableNames() {
        return Arrays.stream(values()).map(EmbeddingModel::configName).collect(Collectors.joining(", "));
    }
}
