package dev.solo.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The verification sample holds about the configured share of items, the same ones on every run. */
class VerificationSampleTest {

    @Test
    void aboutTheConfiguredShareIsSampledAndTheSameOnesEachTime() {
        VerificationSample sample = new VerificationSample(7, 0.15);
        long inSample = IntStream.range(0, 20_000).filter(i -> sample.contains("item-" + i)).count();

        // Binomial(20,000, 0.15): sd 50.
        assertThat(inSample).isBetween(2_850L, 3_150L);
        assertThat(IntStream.range(0, 500).allMatch(i -> sample.contains("item-" + i)
                == new VerificationSample(7, 0.15).contains("item-" + i))).isTrue();
    }

    @Test
    void anotherSeedDrawsAnotherSample() {
        long same = IntStream.range(0, 10_000).filter(i -> new VerificationSample(7, 0.5).contains("item-" + i)
                == new VerificationSample(8, 0.5).contains("item-" + i)).count();

        // Independent halves agree on about half the items.
        assertThat(same).isBetween(4_800L, 5_200L);
    }
}
