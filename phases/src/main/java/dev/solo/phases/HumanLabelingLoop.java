package dev.solo.phases;

import dev.solo.config.AnnotationScheme;
import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.Evidence;
import dev.solo.human.HumanLabel;
import dev.solo.human.LabelRequest;
import dev.solo.human.Progress;
import dev.solo.human.SchemeView;
import dev.solo.human.WhyChosen;
import dev.solo.label.LabelingSetup;
import dev.solo.select.QueueEntry;
import dev.solo.store.HumanAnswers;
import dev.solo.store.Items;
import dev.solo.store.LabelingSetups;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks a person for labels, in queue order, until {@code target} items of the queue are
 * labeled or the queue runs out. Shared by every phase in which a person labels. Each answer is
 * committed to the store before the next item is shown, so a stop at any moment loses nothing
 * and the next run resumes at the first unanswered item.
 */
public final class HumanLabelingLoop {

    /**
     * The items to ask about and how many labels the phase (or batch) needs. {@code blind}: the
     * person sees nothing of why an item was chosen or what any machine thinks of it.
     * {@code evidence}: what the machine thinks of an item, shown beside it (never when blind).
     */
    public record Assignment(Phase phase, int round, int batch, int batchCount, int target, List<QueueEntry> queue,
                             boolean blind, Map<String, Evidence> evidence) {
        public Assignment {
            queue = List.copyOf(queue);
            evidence = Map.copyOf(evidence);
            if (blind && !evidence.isEmpty()) {
                throw new IllegalArgumentException("a blind assignment shows no evidence");
            }
        }

        public Assignment(Phase phase, int round, int batch, int batchCount, int target, List<QueueEntry> queue,
                          boolean blind) {
            this(phase, round, batch, batchCount, target, queue, blind, Map.of());
        }

        public Assignment(Phase phase, int round, int batch, int batchCount, int target, List<QueueEntry> queue) {
            this(phase, round, batch, batchCount, target, queue, false);
        }
    }

    private final SoloConfig config;
    private final Items items;
    private final HumanAnswers answers;
    private final LabelingSetups setups;
    private final Optional<Annotator> person;
    private final Clock clock;

    /** {@code person} is empty in a non-interactive run: the loop then stops when it needs one. */
    public HumanLabelingLoop(SoloConfig config, Items items, HumanAnswers answers, LabelingSetups setups,
                             Optional<Annotator> person, Clock clock) {
        this.config = config;
        this.items = items;
        this.answers = answers;
        this.setups = setups;
        this.person = person;
        this.clock = clock;
    }

    /** False in a non-interactive run: whatever needs a label stops there. */
    public boolean hasPerson() {
        return person.isPresent();
    }

    /**
     * Whether the person can label texts that are not in the data: an oracle cannot; a person can,
     * including one who is not at the terminal yet (the texts wait for them).
     */
    boolean personLabelsNewText() {
        return person.map(Annotator::labelsNewText).orElse(true);
    }

    /** Returns DONE (target met or queue exhausted), NEEDS_HUMAN or QUIT. */
    public Outcome run(Assignment assignment) {
        AnnotationScheme scheme = config.scheme();
        String message = "";
        // Nothing changes the guidelines while the person labels: read them once, not per item.
        LabelingSetup setup = setups.current();
        SchemeView view = new SchemeView(scheme.name(), setup.guidelines(), scheme.labels());
        while (true) {
            Set<String> answered = answers.answeredItems(assignment.phase(), assignment.round());
            Set<String> labeled = answers.labeledItems(assignment.phase(), assignment.round());
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
            if (person.isEmpty()) {
                return Outcome.NEEDS_HUMAN;
            }
            Annotator annotator = person.get();
            QueueEntry entry = next.get();
            Progress progress = new Progress(config.task().taskName(), assignment.phase(), assignment.batch(),
                    assignment.batchCount(), done, assignment.target(), answers.labeledItemCount());
            WhyChosen why = new WhyChosen(entry.pool(), entry.detail());
            Evidence evidence = assignment.evidence().get(entry.itemId());
            LabelRequest request = assignment.blind()
                    ? LabelRequest.blind(progress, view, items.item(entry.itemId()), why, message)
                    : evidence != null
                    ? LabelRequest.withEvidence(progress, view, items.item(entry.itemId()), why, evidence, message)
                    : new LabelRequest(progress, view, items.item(entry.itemId()), why, message);
            long shownAt = clock.millis();
            Answer answer = annotator.ask(request);
            long answerMillis = clock.millis() - shownAt;
            switch (answer.kind()) {
                case LABEL -> {
                    answers.saveLabel(new HumanLabel(entry.itemId(), scheme.name(), answer.label(),
                            assignment.phase(), assignment.round(), annotator.name(), Instant.ofEpochMilli(clock.millis()),
                            answerMillis, entry.pool(), setup.version()));
                    message = "Saved " + answer.label() + " for " + entry.itemId() + ".";
                }
                case SKIP -> {
                    answers.saveSkip(entry.itemId(), scheme.name(), assignment.phase(), assignment.round(),
                            annotator.name());
                    message = "Skipped " + entry.itemId() + ".";
                }
                case UNDO -> message = answers.undoLatest(assignment.phase(), assignment.round())
                        .map(itemId -> "Took back the answer for " + itemId + ".")
                        .orElse("Nothing to undo in this phase.");
                case QUIT -> {
                    return Outcome.QUIT;
                }
            }
        }
    }
}
