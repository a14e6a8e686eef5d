package dev.solo.cli.terminal;

import dev.solo.human.Answer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Label keys: 1..9 then 0, in the scheme's order (Potato's sequential_key_binding). */
final class LabelKeys {
    static final int MAX_LABELS = 10;

    private LabelKeys() {
    }

    static char keyFor(int index) {
        return index == 9 ? '0' : (char) ('1' + index);
    }

    /** The answer a key gives by itself: a label's key, u (undo), s (skip) or q (quit). */
    static Optional<Answer> answerFor(int key, List<String> labels) {
        OptionalInt label = indexOf(key, labels);
        if (label.isPresent()) {
            return Optional.of(Answer.label(labels.get(label.getAsInt())));
        }
        return switch (Character.toLowerCase(key)) {
            case 'u' -> Optional.of(Answer.undo());
            case 's' -> Optional.of(Answer.skip());
            case 'q' -> Optional.of(Answer.quit());
            default -> Optional.empty();
        };
    }

    static OptionalInt indexOf(int key, List<String> labels) {
        if (key < '0' || key > '9') {
            // Only digits name labels: every other key is a command.
            return OptionalInt.empty();
        }
        int index = key == '0' ? 9 : key - '1';
        return index >= 0 && index < labels.size() ? OptionalInt.of(index) : OptionalInt.empty();
    }
}
