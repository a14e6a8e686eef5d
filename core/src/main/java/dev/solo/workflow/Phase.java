package dev.solo.workflow;

/** The twelve phases of the solo workflow, numbered as in the spec. */
public enum Phase {
    SEED_ANNOTATION(1, "Seed Annotation"),
    INITIAL_CALIBRATION(2, "Initial Calibration"),
    CONFUSION_ANALYSIS(3, "Confusion Analysis"),
    GUIDELINE_REFINEMENT(4, "Guideline Refinement"),
    LABELING_FUNCTIONS(5, "Labeling Functions"),
    ACTIVE_LABELING(6, "Active Labeling"),
    REFINEMENT_LOOP(7, "Refinement Loop"),
    DISAGREEMENT_EXPLORATION(8, "Disagreement Exploration"),
    EDGE_CASE_SYNTHESIS(9, "Edge Case Synthesis"),
    CONFIDENCE_ESCALATION(10, "Confidence Escalation"),
    PROMPT_OPTIMIZATION(11, "Prompt Optimization"),
    FINAL_VALIDATION(12, "Final Validation");

    private final int number;
    private final String title;

    Phase(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** "6 (Active Labeling)", as status prints it. */
    public String label() {
        return number + " (" + title + ")";
    }

    public static Phase numbered(int number) {
        for (Phase phase : values()) {
            if (phase.number == number) {
                return phase;
            }
        }
        throw new IllegalArgumentException("no phase " + number);
    }

    public Phase next() {
        return this == FINAL_VALIDATION ? this : numbered(number + 1);
    }
}
