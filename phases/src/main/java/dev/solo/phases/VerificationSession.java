package dev.solo.phases;

import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.human.Answer;
import dev.solo.human.HumanExample;
import dev.solo.human.LabelRequest;
import dev.solo.human.Progress;
import dev.solo.human.SchemeView;
import dev.solo.human.SecondLabel;
import dev.solo.human.WhyChosen;
import dev.solo.select.VerificationSample;
import dev.solo.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A second annotator labels, blind, the verification sample: each human-labeled item is in it
 * with probability {@code verification.sample_fraction}. Their labels are kept apart from the
 * labels in force and measure agreement; each is committed before the next item shows, and a
 * stop resumes at the next unanswered item. Items labeled after the session are asked next time.
 */
public final class VerificationSession {
    static final String POOL = "verification";

    /** How a session ended: the items answered now and those of the sample still unanswered. */
    public record Result(int answered, int remaining, boolean quit) {
    }

    private final SoloConfig config;
    private final Store store;
    private final VerificationSample sample;
    private final Clock clock;

    public VerificationSession(SoloConfig config, Store store, long randomSeed, Clock clock) {
        this.config = config;
        this.store = store;
        this.sample = new VerificationSample(randomSeed, config.solo().verification().sampleFraction());
        this.clock = clock;
    }

    /** The sampled items, in the order their first labels were given. */
    public List<String> sampledItems() {
        return store.humans().examples(config.scheme().name()).stream()
                .map(HumanExample::itemId)
                .filter(sample::contains)
                .toList();
    }

    public Result run(Annotator person) {
        String annotator = config.solo().verification().annotator();
        String scheme = config.scheme().name();
        List<String> items = sampledItems();
        SchemeView view = new SchemeView(scheme, store.setups().current().guidelines(), config.scheme().labels());
        int answeredNow = 0;
        String message = "";
        while (true) {
            Set<String> answered = store.verifications().answeredBy(annotator);
            List<String> open = items.stream().filter(item -> !answered.contains(item)).toList();
            if (open.isEmpty()) {
                return new Result(answeredNow, 0, false);
            }
            String itemId = open.get(0);
            Progress progress = new Progress(config.task().taskName(), store.workflow().state().phase(), 0, 0,
                    items.size() - open.size(), items.size(), store.humans().labeledItemCount());
            LabelRequest request = LabelRequest.blind(progress, view, store.items().item(itemId),
                    new WhyChosen(POOL, "second annotator " + annotator + ", blind to the first label"), message);
            long shownAt = clock.millis();
            Answer answer = person.ask(request);
            long millis = clock.millis() - shownAt;
            switch (answer.kind()) {
                case LABEL -> {
                    store.verifications().save(new SecondLabel(itemId, scheme, answer.label(), annotator,
                            Instant.ofEpochMilli(clock.millis()), millis));
                    answeredNow++;
                    message = "Saved " + answer.label() + " for " + itemId + ".";
                }
                case SKIP -> {
                    store.verifications().save(new SecondLabel(itemId, scheme, null, annotator,
                            Instant.ofEpochMilli(clock.millis()), millis));
                    message = "Skipped " + itemId + ".";
                }
                case UNDO -> {
                    Optional<String> undone = store.verifications().undoLatest(annotator);
                    message = undone.map(item -> "Took back the answer for " + item + ".").orElse("Nothing to undo.");
                }
                case QUIT -> {
                    return new Result(answeredNow, open.size(), true);
                }
            }
        }
    }
}
