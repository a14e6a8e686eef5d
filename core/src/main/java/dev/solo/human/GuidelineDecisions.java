package dev.solo.human;

import java.util.List;
import java.util.Objects;

/**
 * What the person decided about the proposed guideline edits.
 *
 * @param decisions one per proposed edit the person decided, in the request's order; when the
 *                  person finished (not {@code stopped}) there is one for every proposed edit
 * @param added     guideline text the person wrote themselves, each non-blank
 * @param decidedBy who decided, recorded with the guideline version: the person's name, or e.g.
 *                  "oracle (--approve all)"
 * @param stopped   true when the person stopped before deciding everything (save and quit);
 *                  {@code decisions} and {@code added} then hold what they did so far
 */
public record GuidelineDecisions(List<EditDecision> decisions, List<String> added, String decidedBy,
                                 boolean stopped) {

    public enum Verdict { APPROVE, EDIT, REJECT }

    /**
     * The verdict on one proposed edit.
     *
     * @param text the person's text, replacing the proposed one, for EDIT; null otherwise
     */
    public record EditDecision(String editId, Verdict verdict, String text) {
        public EditDecision {
            Objects.requireNonNull(editId, "editId");
            Objects.requireNonNull(verdict, "verdict");
            if ((verdict == Verdict.EDIT) != (text != null)) {
                throw new IllegalArgumentException("an EDIT carries the new text, and only an EDIT");
            }
            if (text != null && text.isBlank()) {
                throw new IllegalArgumentException("an edited guideline is not blank");
            }
        }

        public static EditDecision approve(String editId) {
            return new EditDecision(editId, Verdict.APPROVE, null);
        }

        public static EditDecision edit(String editId, String text) {
            return new EditDecision(editId, Verdict.EDIT, text);
        }

        public static EditDecision reject(String editId) {
            return new EditDecision(editId, Verdict.REJECT, null);
        }
    }

    public GuidelineDecisions {
        decisions = List.copyOf(decisions);
        added = List.copyOf(added);
        Objects.requireNonNull(decidedBy, "decidedBy");
        if (added.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an added guideline is not blank");
        }
    }
}
