package dev.solo.config;

/** A rule of the configuration broken inside a section; the loader adds the file and line. */
final class ConfigRuleException extends IllegalArgumentException {
    private final String hint;
    private final boolean missingKey;

    ConfigRuleException(String problem, String hint) {
        this(problem, hint, false);
    }

    private ConfigRuleException(String problem, String hint, boolean missingKey) {
        super(problem);
        this.hint = hint;
        this.missingKey = missingKey;
    }

    /** A required key is absent: no line of the file shows the problem. */
    static ConfigRuleException missingKey(String key, String hint) {
        return new ConfigRuleException("missing required key '" + key + "'", hint, true);
    }

    String hint() {
        return hint;
    }

    boolean missingKey() {
        return missingKey;
    }
}
