package dev.solo.config;

/** A rule of the configuration broken inside a section; the loader adds the file and line. */
final class ConfigRuleException extends IllegalArgumentException {
    private final String hint;

    ConfigRuleException(String problem, String hint) {
        super(problem);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
