package dev.solo.cli.terminal;

import dev.solo.human.Answer;
import dev.solo.human.Evidence;
import dev.solo.human.LabelRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;

/**
 * Labeling one item: its text, why it was chosen, a key per label. With evidence, the model's
 * view sits under the text; a blind request shows nothing of the model.
 */
final class LabelingScreen implements Screen<Answer> {
    private static final int NEIGHBOURS_SHOWN = 3;

    private final LabelRequest request;
    private final KeyTable<Answer> keys = new KeyTable<>();

    LabelingScreen(LabelRequest request) {
        if (request.scheme().labels().size() > LabelKeys.MAX_LABELS) {
            throw new IllegalStateException("the terminal has keys for " + LabelKeys.MAX_LABELS + " labels at most");
        }
        this.request = request;
        List<String> labels = request.scheme().labels();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            keys.choice(String.valueOf(LabelKeys.keyFor(i)), label,
                    "label the text " + label + " (saved at once, then the next item shows)",
                    () -> Step.done(Answer.label(label)));
        }
        keys.key("u", "undo", "take back the last answer of this phase and show that item again",
                        () -> Step.done(Answer.undo()))
                .key("s", "skip", "skip this item; another takes its place", () -> Step.done(Answer.skip()))
                .key("g", "guidelines", "show the guidelines", () -> Step.show(guidelines()))
                .withHelp("Keys")
                .key("q", "save and quit", "stop; every answer so far is saved, and solo start resumes here",
                        () -> Step.done(Answer.quit()));
    }

    @Override
    public List<AttributedString> top(int columns) {
        return List.of(Frame.header(request.progress(), columns), Frame.progressBar(request.progress(), columns));
    }

    @Override
    public List<AttributedString> body(int columns, int rows) {
        return Frame.wrap(List.of(request.item().text()), columns);
    }

    @Override
    public List<AttributedString> details(int columns) {
        List<AttributedString> lines = new ArrayList<>();
        String why = request.blind() ? request.whyChosen().pool() : request.whyChosen().describe();
        lines.add(Frame.spread(" chosen from: " + why, "id " + request.item().id(), Frame.DIM, columns));
        if (request.blind()) {
            lines.add(Frame.styled(" blind review: the model's label is hidden; label it as you see it", Frame.DIM,
                    columns));
        }
        request.evidence().ifPresent(evidence -> lines.addAll(evidence(evidence, columns)));
        return lines;
    }

    private static List<AttributedString> evidence(Evidence evidence, int columns) {
        List<AttributedString> lines = new ArrayList<>();
        StringBuilder model = new StringBuilder(" model: " + evidence.modelLabel() + " " + decimal(evidence.confidence()));
        if (!evidence.distribution().isEmpty()) {
            List<String> shares = new ArrayList<>();
            evidence.distribution().forEach((label, p) -> shares.add(label + " " + decimal(p)));
            model.append("  (").append(String.join(" · ", shares)).append(")");
        }
        lines.add(Frame.styled(model.toString(), Frame.BOLD, columns));
        if (!evidence.votes().isEmpty()) {
            List<String> votes = evidence.votes().stream().map(vote -> vote.function() + " → " + vote.label()).toList();
            lines.add(Frame.styled(" functions: " + String.join(" · ", votes), Frame.DIM, columns));
        }
        List<Evidence.Neighbour> neighbours = evidence.neighbours();
        for (Evidence.Neighbour near : neighbours.subList(0, Math.min(NEIGHBOURS_SHOWN, neighbours.size()))) {
            lines.add(Frame.styled(" near " + decimal(near.similarity()) + " " + near.label() + ": " + near.text()
                    .replaceAll("\\s+", " "), Frame.DIM, columns));
        }
        if (!evidence.reasoning().isEmpty()) {
            lines.add(Frame.styled(" reasoning: " + evidence.reasoning().replaceAll("\\s+", " "), Frame.DIM, columns));
        }
        return lines;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private List<String> guidelines() {
        return List.of("Guidelines for " + request.scheme().name(),
                request.scheme().guidelines().isEmpty() ? "(no description in the config)" : request.scheme().guidelines(),
                "Labels: " + String.join(", ", request.scheme().labels()),
                "",
                "Press any key to go back to the item.");
    }

    @Override
    public KeyTable<Answer> keys() {
        return keys;
    }

    @Override
    public String message() {
        return request.message();
    }

    @Override
    public Answer interrupted() {
        return Answer.quit();
    }
}
