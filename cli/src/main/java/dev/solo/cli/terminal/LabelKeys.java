package dev.solo.cli.terminal;

import java.util.List;
import java.util.OptionalInt;

/** Label keys: 1..9 then 0, in the scheme's order (Potato's sequential_key_binding). */
final class LabelKeys {
    static final int MAX_LABELS = 10;

    private LabelKeys() {
    }

    static char keyFor(int index) {
        return index == 9 ? '0' : (char) ('1' + index);
    }

    static OptionalInt indexOf(int key, List<String> labels) {
        int index = key == '0' ? 9 : key - '1';
        return index >= 0 && index < labels.size() ? OptionalInt.of(index) : OptionalInt.empty();
    }
}
