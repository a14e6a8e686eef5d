package dev.solo.human;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Phase 5: the labeling functions mined from the human labels, for the person to keep or
 * disable, and a chance to type their own.
 *
 * @param functions the proposed functions, in the order to show them; may be empty
 * @param message   a one-line notice for the person, may be empty
 */
public record LabelingFunctionsRequest(Progress progress, SchemeView scheme, List<ProposedFunction> functions,
                                       String message) {

    /**
     * One proposed function, with its estimates measured on human labels.
     *
     * @param name                unique within the request; the choice refers to it
     * @param description         what it matches, e.g. "keyword 'refund'"
     * @param label               the label it votes for
     * @param precision           precision on the {@code n} human-labeled items it covers
     * @param precisionLowerBound the lower end of precision's 95% interval
     * @param n                   the human-labeled items it covers, the evidence for precision
     * @param coverage            the share of the dataset it covers, 0..1
     */
    public record ProposedFunction(String name, String description, String label, double precision,
                                   double precisionLowerBound, int n, double coverage) {
        public ProposedFunction {
            Objects.requireNonNull(name, "name");
            description = Objects.requireNonNullElse(description, "");
            Objects.requireNonNull(label, "label");
            if (n < 0 || precisionLowerBound > precision) {
                throw new IllegalArgumentException("function " + name + ": n >= 0 and the bound below the precision");
            }
        }
    }

    public LabelingFunctionsRequest {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(scheme, "scheme");
        functions = List.copyOf(functions);
        message = Objects.requireNonNullElse(message, "");
        Set<String> names = new HashSet<>();
        for (ProposedFunction function : functions) {
            if (!names.add(function.name())) {
                throw new IllegalArgumentException("two proposed functions are named " + function.name());
            }
            if (!scheme.labels().contains(function.label())) {
                throw new IllegalArgumentException("function " + function.name() + " votes for '"
                        + function.label() + "', not a label of the scheme");
            }
        }
    }
}
