package dev.solo.human;

import java.util.Locale;

/** How the oracle decides guideline edits in scripted runs ({@code --approve all|none}). */
public enum ApprovalPolicy {
    /** Approve every proposed edit as it stands. */
    ALL,
    /** Reject every proposed edit: the guidelines stay as configured (the default). */
    NONE;

    /** "oracle (--approve all)": recorded as who decided. */
    public String decidedBy() {
        return "oracle (--approve " + name().toLowerCase(Locale.ROOT) + ")";
    }
}
