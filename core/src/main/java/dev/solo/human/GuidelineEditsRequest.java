package dev.solo.human;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Phase 4: guideline edits suggested from the error patterns, for the person to approve, modify
 * or reject, and a chance to add their own.
 *
 * @param scheme  the scheme with its current guideline text
 * @param edits   the proposed edits, in the order to show them; may be empty (the person may
 *                still add edits)
 * @param message a one-line notice for the person, may be empty
 */
public record GuidelineEditsRequest(Progress progress, SchemeView scheme, List<ProposedEdit> edits, String message) {

    /**
     * One suggested edit.
     *
     * @param id       stable within the request; decisions refer to it
     * @param text     the guideline text the edit would add
     * @param evidence why it is suggested, e.g. "Neutral -> Positive: 23 instances (15.3%)"; may be empty
     */
    public record ProposedEdit(String id, String text, String evidence) {
        public ProposedEdit {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            evidence = Objects.requireNonNullElse(evidence, "");
        }
    }

    public GuidelineEditsRequest {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(scheme, "scheme");
        edits = List.copyOf(edits);
        message = Objects.requireNonNullElse(message, "");
        Set<String> ids = new HashSet<>();
        for (ProposedEdit edit : edits) {
            if (!ids.add(edit.id())) {
                throw new IllegalArgumentException("two proposed edits have the id " + edit.id());
            }
        }
    }
}
