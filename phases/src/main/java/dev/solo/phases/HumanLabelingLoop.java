package dev.solo.phases;

import dev.solo.config.AnnotationScheme;
import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.HumanLabel;
import dev.solo.human.LabelRequest;
import dev.solo.human.Progress;
import dev.solo.human.SchemeView;
import dev.solo.human.WhyChosen;
import dev.solo.store.QueueEntry;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks a person for labels, in queue order, until {@code target} items of the queue are
 * labeled or the queue runs out. Shared by every phase in which a person labels. Each answer is
 * committed to the store before the next item is shown, so a stop at any moment loses nothing
 * and the next run resumes at the first unanswered item.
 */
public final class HumanLabelingLoop {

    /** The items to ask about and how many labels the phase (or batch) needs. */
    public record Assignment(Phase phase, int round, int batch, int batchCount, int target, List<QueueEntry> queue) {
        public Assignment {
            queue = List.copyOf(queue);
        }
    }

    private final PhaseContext context;

    public HumanLabelingLoop(PhaseContext context) {
        this.context = context;
    }

    /** Returns DONE (target met or queue exhausted), NEEDS_HUMAN or QUIT. */
    public Outcome run(Assignment assignment) {
        Store store = context.store();
        AnnotationScheme scheme = context.config().scheme();
        String message = "";
        while (true) {
            Set<String> answered = store.answeredItems(assignment.phase(), assignment.round());
            Set<String> labeled = store.labeledItems(assignment.phase(), assignment.round());
            int done = (int) assignment.queue().stream().filter(entry -> labeled.contains(entry.itemId())).count();
            if (done >= assignment.target()) {
                return Outcome.DONE;
            }
            Optional<QueueEntry> next = assignment.queue().stream()
                    .filter(entry -> !answered.contains(entry.itemId()))
                    .findFirst();
            if (next.isEmpty()) {
                return Outcome.DONE;
            }
            if (context.annotator().isEmpty()) {
                return Outcome.NEEDS_HUMAN;
            }
            Annotator annotator = context.annotator().get();
            LabelRequest request = new LabelRequest(
                    new Progress(context.config().task().taskName(), assignment.phase(), assignment.batch(),
                            assignment.batchCount(), done, assignment.target(), store.humanLabeledItemCount()),
                    new SchemeView(scheme.name(), scheme.description(), scheme.labels()),
                    store.item(next.get().itemId()), WhyChosen.of(next.get().reason()), message);
            long shownAt = context.clock().millis();
            Answer answer = annotator.ask(request);
            long answerMillis = context.clock().millis() - shownAt;
            switch (answer.kind()) {
                case LABEL -> {
                    store.saveHumanLabel(new HumanLabel(next.get().itemId(), scheme.name(), answer.label(),
                            assignment.phase(), assignment.round(), annotator.name(),
                            Instant.ofEpochMilli(context.clock().millis()), answerMillis));
                    message = "Saved " + answer.label() + " for " + next.get().itemId() + ".";
                }
                case SKIP -> {
                    store.saveSkip(next.get().itemId(), scheme.name(), assignment.phase(), assignment.round(),
                            annotator.name());
                    message = "Skipped " + next.get().itemId() + ".";
                }
                case UNDO -> message = store.undoLatest(assignment.phase(), assignment.round())
                        .map(itemId -> "Took back the answer for " + itemId + ".")
                        .orElse("Nothing to undo in this phase.");
                case QUIT -> {
                    return Outcome.QUIT;
                }
            }
        }
    }
}
