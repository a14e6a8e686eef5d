package dev.solo.config;

/** A rule of the configuration broken inside a section; the loader adds the file and line. */
final class ConfigRuleException extends IllegalArgumentException {
    private final String hint;
    private final boolean missingKey;
    private final String key;

    ConfigRuleException(String problem, String hint) {
        this(problem, hint, false, null);
    }

    private ConfigRuleException(String problem, String hint, boolean missingKey, String key) {
        super(problem);
        this.hint = hint;
        this.missingKey = missingKey;
        this.key = key;
    }

    /**
     * A rule broken by the value of {@code key} in the section being built ({@code "labels/2"}: the
     * third entry of its list), so the message can point at that key's line.
     */
    static ConfigRuleException at(String key, String problem, String hint) {
        return new ConfigRuleException(problem, hint, false, key);
    }

    /** A required key is absent: no line of the file shows the problem. */
    static ConfigRuleException missingKey(String key, String hint) {
        return new ConfigRuleException("missing required key '" + key + "'", hint, true, null);
    }

    /** The key of the section that breaks the rule, or null when it is the section as a whole. */
    String key() {
        return key;
    }

    String hint() {
        return hint;
    }

    boolean missingKey() {
        return missingKey;
    }
}
