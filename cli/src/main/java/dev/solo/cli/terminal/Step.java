package dev.solo.cli.terminal;

import java.util.List;

/** What a key did on a screen: nothing more to do, an answer, or text to show until the next key. */
sealed interface Step<T> {

    /** The screen stays, redrawn. */
    record Stay<T>() implements Step<T> {
    }

    /** The screen is done and returns this. */
    record Done<T>(T value) implements Step<T> {
    }

    /** Show this text in place of the body until the next key, which only dismisses it. */
    record Show<T>(List<String> text) implements Step<T> {
        public Show {
            text = List.copyOf(text);
        }
    }

    static <T> Step<T> stay() {
        return new Stay<>();
    }

    static <T> Step<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Step<T> show(List<String> text) {
        return new Show<>(text);
    }
}
