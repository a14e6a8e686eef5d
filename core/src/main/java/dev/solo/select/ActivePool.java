package dev.solo.select;

import dev.solo.config.PhasesConfig.ActiveStrategy;
import dev.solo.config.PrioritizationConfig.PoolName;

/**
 * The six pools of active labeling, in the order their picks are shown and their ties are broken.
 * The screen name is what the person sees and what a human label records as its pool.
 */
public enum ActivePool {
    UNCERTAIN("uncertain"),
    DISAGREEMENT("disagreement"),
    BOUNDARY("boundary"),
    NOVEL("novel"),
    ERROR_PATTERN("error_pattern"),
    RANDOM("random");

    private final String screenName;

    ActivePool(String screenName) {
        this.screenName = screenName;
    }

    public String screenName() {
        return screenName;
    }

    public static ActivePool of(PoolName name) {
        return valueOf(name.name());
    }

    /**
     * Whether the strategy draws from this pool by weight. Random's minimum share applies under
     * every strategy, whatever this says.
     */
    public boolean allowedUnder(ActiveStrategy strategy) {
        return switch (strategy) {
            case HYBRID -> true;
            case UNCERTAINTY -> this == UNCERTAIN || this == BOUNDARY;
            case DIVERSITY -> this == NOVEL || this == RANDOM;
        };
    }
}
