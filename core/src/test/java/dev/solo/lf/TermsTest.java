package dev.solo.lf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {
    @Test
    void wordsAndPhrasesOnceEachLowerCaseWithoutFunctionWordsAlone() {
        assertThat(Terms.of("It is NOT bad, it's not bad at all."))
                .containsExactlyInAnyOrder("bad", "not bad", "bad it's", "bad at");
    }
}
