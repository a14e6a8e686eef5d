package dev.solo.config;

/** Range rules shared by the config sections. */
final class Ranges {
    private Ranges() {
    }

    static void positive(String key, Integer value) {
        if (value != null && value <= 0) {
            throw new ConfigRuleException("'" + key + "' must be positive, got " + value, "use a whole number above 0");
        }
    }

    static void fraction(String key, Double value) {
        if (value != null && (value < 0 || value > 1)) {
            throw new ConfigRuleException("'" + key + "' must be between 0 and 1, got " + value, "write it as a fraction, e.g. 0.9");
        }
    }
}
