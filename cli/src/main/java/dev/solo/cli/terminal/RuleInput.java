package dev.solo.cli.terminal;

import dev.solo.human.TypedRule;
import java.util.List;

/**
 * The one-line syntax in which a person types a labeling function: {@code refund = Negative} for
 * a keyword, {@code /not (good|great)/ = Negative} for a regex. The label may also be given by
 * its key (1..9, 0). Split at the last '=' so a regex may contain one.
 */
final class RuleInput {
    static final String SYNTAX = "keyword = Label, or /regex/ = Label";

    private RuleInput() {
    }

    /** @throws IllegalArgumentException with a message to show the person, if the line is no rule */
    static TypedRule parse(String line, List<String> labels) {
        int equals = line.lastIndexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("'" + line.strip() + "' has no label; type " + SYNTAX);
        }
        String pattern = line.substring(0, equals).strip();
        String label = labelOf(line.substring(equals + 1).strip(), labels);
        if (pattern.length() >= 2 && pattern.startsWith("/") && pattern.endsWith("/")) {
            return new TypedRule(TypedRule.Kind.REGEX, pattern.substring(1, pattern.length() - 1), label);
        }
        return new TypedRule(TypedRule.Kind.KEYWORD, pattern, label);
    }

    /** "keyword 'refund'" or "regex /.../": how a typed rule is shown. */
    static String describe(TypedRule rule) {
        return rule.kind() == TypedRule.Kind.REGEX ? "regex /" + rule.pattern() + "/" : "keyword '" + rule.pattern() + "'";
    }

    private static String labelOf(String typed, List<String> labels) {
        for (String label : labels) {
            if (label.equalsIgnoreCase(typed)) {
                return label;
            }
        }
        if (typed.length() == 1 && LabelKeys.indexOf(typed.charAt(0), labels).isPresent()) {
            return labels.get(LabelKeys.indexOf(typed.charAt(0), labels).getAsInt());
        }
        throw new IllegalArgumentException("'" + typed + "' is not a label of the scheme (" + String.join(", ", labels) + ")");
    }
}
