package dev.solo.phases;

import dev.solo.human.TypedRule;
import dev.solo.lf.KeywordFunction;
import dev.solo.lf.LabelingFunction;
import dev.solo.lf.RegexFunction;

/** The labeling function a rule the person typed stands for. */
final class RuleFunctions {
    private RuleFunctions() {
    }

    static LabelingFunction of(TypedRule rule) {
        return switch (rule.kind()) {
            case KEYWORD -> new KeywordFunction(rule.pattern(), rule.label());
            case REGEX -> new RegexFunction(rule.pattern(), rule.label());
        };
    }
}
