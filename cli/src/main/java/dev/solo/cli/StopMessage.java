package dev.solo.cli;

import dev.solo.workflow.WorkflowState;
import java.nio.file.Path;

/** The last line of {@code solo start}: where the workflow stopped and what comes next. */
final class StopMessage {
    private StopMessage() {
    }

    static String describe(WorkflowState state, Path configFile, Path stateFile) {
        String where = "phase " + state.phase().label();
        String saved = " Every label is saved in " + stateFile + ".";
        return switch (state.status()) {
            case COMPLETE -> "Complete: every item is labeled. Export with: solo export --config " + configFile
                    + " --output labels.jsonl";
            case NOT_BUILT -> "Stopped before " + where + ": it is not built in this version of solo." + saved;
            case WAITING_FOR_HUMAN -> "Waiting for a person in " + where + " (" + state.note()
                    + "). Run solo start " + configFile + " in a terminal to label." + saved;
            case IN_PROGRESS -> "Stopped in " + where + " (" + state.note() + "). Run solo start " + configFile
                    + " to go on." + saved;
        };
    }
}
