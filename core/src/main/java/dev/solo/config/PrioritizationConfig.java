package dev.solo.config;

import java.util.List;
import java.util.Objects;

/** The weighted pools that active labeling draws from. */
public record PrioritizationConfig(List<Pool> pools) {
    public static final PrioritizationConfig DEFAULT = new PrioritizationConfig(null);

    public PrioritizationConfig {
        pools = pools == null ? List.of(
                new Pool(PoolName.UNCERTAIN, 0.30, null),
                new Pool(PoolName.DISAGREEMENT, 0.25, null),
                new Pool(PoolName.BOUNDARY, 0.20, null),
                new Pool(PoolName.NOVEL, 0.10, null),
                new Pool(PoolName.ERROR_PATTERN, 0.10, null),
                new Pool(PoolName.RANDOM, 0.05, null)) : List.copyOf(pools);
    }

    public record Pool(PoolName name, Double weight, String description) {
        public Pool {
            if (name == null) {
                throw new ConfigRuleException("a pool without a 'name'", "use one of uncertain, disagreement, boundary, novel, error_pattern, random");
            }
            weight = Objects.requireNonNullElse(weight, 0.0);
            if (weight < 0) {
                throw ConfigRuleException.at("weight", "pool '" + name.name().toLowerCase() + "' has a negative weight", "use 0 to turn a pool off");
            }
            description = Objects.requireNonNullElse(description, "");
        }
    }

    public enum PoolName { UNCERTAIN, DISAGREEMENT, BOUNDARY, NOVEL, ERROR_PATTERN, RANDOM }
}
