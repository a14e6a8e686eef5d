package dev.solo.config;

import dev.solo.embed.EmbeddingModel;

/** Value rules shared by the config sections. */
final class Ranges {
    private Ranges() {
    }

    static void positive(String key, Integer value) {
        if (value != null && value <= 0) {
            throw ConfigRuleException.at(key, "'" + key + "' must be positive, got " + value, "use a whole number above 0");
        }
    }

    static void fraction(String key, Double value) {
        if (value != null && (value < 0 || value > 1)) {
            throw ConfigRuleException.at(key, "'" + key + "' must be between 0 and 1, got " + value, "write it as a fraction, e.g. 0.9");
        }
    }

    /** The name of an embedding model shipped with solo (nothing is downloaded). */
    static void embeddingModel(String key, String name) {
        if (name != null && EmbeddingModel.named(name).isEmpty()) {
            throw ConfigRuleException.at(key, "'" + key + "' names an unknown embedding model '" + name + "'",
                    "use one of the models shipped with solo: " + EmbeddingModel.availableNames());
        }
    }
}
