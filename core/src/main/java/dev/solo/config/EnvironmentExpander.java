package dev.solo.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in config values. An unset variable is left
 * in place and remembered with its line: whether it matters is decided only when the value is
 * used (an unset OPENAI_API_KEY is fine while the labeler is local).
 */
final class EnvironmentExpander {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> environment;
    private final Map<String, Integer> unsetVariableLines = new LinkedHashMap<>();

    EnvironmentExpander(Function<String, String> environment) {
        this.environment = environment;
    }

    String expand(String value, int line) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String fallback = matcher.group(2);
            String replacement = environment.apply(name);
            if (replacement == null) {
                replacement = fallback;
            }
            if (replacement == null) {
                unsetVariableLines.putIfAbsent(name, line);
                replacement = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    Map<String, Integer> unsetVariableLines() {
        return Map.copyOf(unsetVariableLines);
    }

    static Matcher variables(String value) {
        return VARIABLE.matcher(value);
    }
}
