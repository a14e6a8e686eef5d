package dev.solo.lf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * A labeling function as stored with a round: what it is ({@code kind}, {@code pattern},
 * {@code label}), what it did (items covered, votes checked against human labels and right), its
 * status, and who decided it (for a candidate, who typed it; empty for one solo mined). An
 * embedding neighbourhood's pattern is its similarity bound, its centre (float32 little-endian,
 * base64) and its id, space-separated: it reads back equal to the function saved.
 */
public record FunctionRecord(String kind, String pattern, String label, int covered, int checked, int correct,
                             Status status, String decidedBy) {

    public enum Status {
        /** Proposed and waiting to be audited. */
        CANDIDATE,
        /** Proven and switched on: it labels items. */
        ENABLED,
        /** Proven but switched off by the person, or not proven. */
        DISABLED
    }

    public FunctionRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
        decidedBy = Objects.requireNonNullElse(decidedBy, "");
    }

    /** A candidate's record before any of its votes was checked. */
    public static FunctionRecord candidate(LabelingFunction function) {
        return of(function, 0, 0, 0, Status.CANDIDATE, "");
    }

    public static FunctionRecord of(LabelingFunction function, int covered, int checked, int correct, Status status,
                                    String decidedBy) {
        if (function instanceof KeywordFunction keyword) {
            return new FunctionRecord("keyword", keyword.keyword(), keyword.label(), covered, checked, correct, status,
                    decidedBy);
        }
        if (function instanceof RegexFunction regex) {
            return new FunctionRecord("regex", regex.regex(), regex.label(), covered, checked, correct, status,
                    decidedBy);
        }
        if (function instanceof LengthFunction length) {
            return new FunctionRecord("length", length.minChars() + "-" + length.maxChars(), length.label(), covered,
                    checked, correct, status, decidedBy);
        }
        if (function instanceof ClusterFunction cluster) {
            return new FunctionRecord("cluster", clusterPattern(cluster), cluster.label(), covered, checked, correct,
                    status, decidedBy);
        }
        throw new IllegalArgumentException("no stored form for " + function.name());
    }

    /** The function this record describes. */
    public LabelingFunction function() {
        return switch (kind) {
            case "keyword" -> new KeywordFunction(pattern, label);
            case "regex" -> new RegexFunction(pattern, label);
            case "length" -> {
                String[] band = pattern.split("-");
                yield new LengthFunction(Integer.parseInt(band[0]), Integer.parseInt(band[1]), label);
            }
            case "cluster" -> {
                String[] parts = pattern.split(" ", 3);
                ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1])).order(ByteOrder.LITTLE_ENDIAN);
                float[] centre = new float[bytes.remaining() / Float.BYTES];
                bytes.asFloatBuffer().get(centre);
                yield new ClusterFunction(parts[2], centre, Double.parseDouble(parts[0]), label);
            }
            default -> throw new IllegalStateException("unknown kind of labeling function: " + kind);
        };
    }

    private static String clusterPattern(ClusterFunction cluster) {
        float[] centre = cluster.centre();
        ByteBuffer bytes = ByteBuffer.allocate(centre.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(centre);
        // Double.toString reads back as the same double, so the bound survives exactly.
        return String.format(Locale.ROOT, "%s %s %s", Double.toString(cluster.minSimilarity()),
                Base64.getEncoder().encodeToString(bytes.array()), cluster.id());
    }

    public double precisionLow() {
        return PrecisionBound.lower(correct, checked);
    }
}
