package dev.solo.cli.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * A screen's keys, defined once: dispatch, the footer line, the choice line and the ? help are
 * all generated from this table, so what the screen says a key does is what it does.
 */
final class KeyTable<T> {
    /**
     * One binding.
     *
     * @param keys   the key names that trigger it (see {@link KeyReader}), e.g. "a", "up", "enter"
     * @param shown  how the footer and help write the keys, e.g. "↑↓ j k"
     * @param footer the footer's word for it, or null to leave it to the help
     * @param help   the help's sentence for it, or null when another binding's sentence covers it
     *               (down under "↑↓ j k move")
     * @param choice shown as "[1] Positive" on the choice line instead of the footer
     */
    record Binding<T>(List<String> keys, String shown, String footer, String help, boolean choice,
                      Supplier<Step<T>> action) {
        Binding {
            keys = List.copyOf(keys);
        }
    }

    private final List<Binding<T>> bindings = new ArrayList<>();

    /** A key shown in the footer as "{shown} {footer}" and in the help with {@code help}. */
    KeyTable<T> key(String key, String footer, String help, Supplier<Step<T>> action) {
        return keys(List.of(key), key, footer, help, action);
    }

    KeyTable<T> keys(List<String> keys, String shown, String footer, String help, Supplier<Step<T>> action) {
        bindings.add(new Binding<>(keys, shown, footer, help, false, action));
        return this;
    }

    /** A key shown on the choice line as "[{key}] {name}". */
    KeyTable<T> choice(String key, String name, String help, Supplier<Step<T>> action) {
        bindings.add(new Binding<>(List.of(key), key, name, help, true, action));
        return this;
    }

    /** Adds "? help" here in the footer order, showing this table's keys under {@code title}. */
    KeyTable<T> withHelp(String title) {
        bindings.add(new Binding<>(List.of("?"), "?", "help", "show these keys; any key goes back", false,
                () -> Step.show(helpLines(title))));
        return this;
    }

    /** The binding for a key name; letters match in either case. */
    Optional<Binding<T>> find(String key) {
        for (String candidate : List.of(key, key.toLowerCase(Locale.ROOT))) {
            for (Binding<T> binding : bindings) {
                if (binding.keys().contains(candidate)) {
                    return Optional.of(binding);
                }
            }
        }
        return Optional.empty();
    }

    /** " u undo · s skip · ? help": the footer keys, in table order. */
    String footer() {
        List<String> parts = new ArrayList<>();
        for (Binding<T> binding : bindings) {
            if (!binding.choice() && binding.footer() != null) {
                parts.add(binding.shown() + " " + binding.footer());
            }
        }
        return " " + String.join(" · ", parts);
    }

    /** " [1] Positive   [2] Neutral", or empty when the table has no choices. */
    Optional<AttributedString> choiceLine() {
        AttributedStringBuilder line = new AttributedStringBuilder().append(" ");
        boolean any = false;
        for (Binding<T> binding : bindings) {
            if (binding.choice()) {
                any = true;
                line.style(Frame.KEY).append("[" + binding.shown() + "]").style(AttributedStyle.DEFAULT)
                        .append(" " + binding.footer() + "   ");
            }
        }
        return any ? Optional.of(line.toAttributedString()) : Optional.empty();
    }

    List<String> helpLines(String title) {
        int width = bindings.stream().mapToInt(binding -> binding.shown().length()).max().orElse(1);
        List<String> lines = new ArrayList<>();
        lines.add(title);
        for (Binding<T> binding : bindings) {
            if (binding.help() == null) {
                continue;
            }
            lines.add("  " + binding.shown() + " ".repeat(width - binding.shown().length() + 2) + binding.help());
        }
        lines.add("");
        lines.add("Press any key to go back.");
        return lines;
    }
}
