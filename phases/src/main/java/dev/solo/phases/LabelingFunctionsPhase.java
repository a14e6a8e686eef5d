package dev.solo.phases;

import dev.solo.config.PhasesConfig;
import dev.solo.config.SoloConfig;
import dev.solo.human.Annotator;
import dev.solo.human.HumanExample;
import dev.solo.human.LabelingFunctionChoice;
import dev.solo.human.LabelingFunctionsRequest;
import dev.solo.human.Progress;
import dev.solo.human.SchemeView;
import dev.solo.lf.FunctionAnalysis;
import dev.solo.lf.FunctionRecord;
import dev.solo.lf.FunctionStats;
import dev.solo.lf.LabelingFunction;
import dev.solo.lf.VoteMatrix;
import dev.solo.store.Store;
import dev.solo.workflow.Phase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Phase 5, labeling functions: candidates are proposed (from the person's and the model's labels,
 * and approved guideline rules), frozen for the round, and proven by a small blind audit; those
 * whose precision's 95% lower bound reaches {@code min_precision} (at most {@code max_functions})
 * are shown with precision and coverage for the person to keep or switch off; rules the person
 * types are audited the same way and the review shown again. The kept functions' combined votes
 * label the items where they are more reliable than the model.
 */
public final class LabelingFunctionsPhase implements PhaseRunner {
    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final Optional<Annotator> person;
    private final FunctionProposals proposals;
    private final FunctionAudit audit;
    private final ProofLabels proof;
    private final FunctionVotes votes;
    private final Clock clock;
    private final Consumer<String> announcer;

    public LabelingFunctionsPhase(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling,
                                  Optional<Annotator> person, Clock clock, Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.person = person;
        this.proposals = new FunctionProposals(config, store, models, clock, announcer);
        this.audit = new FunctionAudit(config.solo().phases().labelingFunctions(), store.workflow(), labeling, announcer);
        this.proof = new ProofLabels(config, store);
        this.votes = new FunctionVotes(config, store, clock);
        this.clock = clock;
        this.announcer = announcer;
    }

    @Override
    public Phase phase() {
        return Phase.LABELING_FUNCTIONS;
    }

    @Override
    public boolean enabledBy(SoloConfig config) {
        return config.solo().phases().labelingFunctions().enabled();
    }

    @Override
    public PhaseResult run(PhaseContext context) {
        List<FunctionRecord> stored = store.functions().of(context.round());
        if (stored.stream().anyMatch(record -> record.status() != FunctionRecord.Status.CANDIDATE)) {
            return new PhaseResult(Outcome.DONE, summary(stored));
        }
        Map<String, String> texts = store.items().allTexts();
        ItemInputs items = new ItemInputs(texts, () -> models.labelerVectors(texts.keySet()));
        List<LabelingFunction> candidates = stored.isEmpty()
                ? proposals.propose(context, items, humanLabels())
                : stored.stream().map(FunctionRecord::function).toList();
        if (stored.isEmpty()) {
            store.functions().save(context.round(), candidates.stream().map(FunctionRecord::candidate).toList());
        }
        VoteMatrix matrix = VoteMatrix.apply(candidates, items.forFunctions(candidates));
        matrix.failures().forEach((index, what) -> announcer.accept("Labeling function "
                + candidates.get(index).name() + " " + what + "; it is switched off."));
        Set<Integer> typedByPerson = new HashSet<>();
        for (int index = 0; index < stored.size(); index++) {
            if (!stored.get(index).decidedBy().isEmpty()) {
                typedByPerson.add(index);
            }
        }
        Outcome audited = audit.audit(context, matrix, this::humanLabelMap, proof, typedByPerson);
        if (audited != Outcome.DONE) {
            return new PhaseResult(audited, "auditing labeling functions");
        }
        List<FunctionStats> stats = provedStats(context, matrix);
        List<FunctionStats> proven = proven(stats);
        if (person.isEmpty()) {
            return new PhaseResult(Outcome.NEEDS_HUMAN, proven.size() + " labeling functions to review");
        }
        LabelingFunctionChoice choice = person.get().choose(request(proven));
        if (choice.stopped()) {
            return new PhaseResult(Outcome.QUIT, "labeling-function review not finished; nothing changed");
        }
        List<LabelingFunction> typed = choice.added().stream().map(RuleFunctions::of)
                .filter(function -> !candidates.contains(function)).toList();
        if (!typed.isEmpty()) {
            // The person's rules are proven like the others: audited, then the review is shown again.
            List<FunctionRecord> more = new ArrayList<>(store.functions().of(context.round()));
            typed.forEach(function -> more.add(FunctionRecord.of(function, 0, 0, 0, FunctionRecord.Status.CANDIDATE,
                    choice.decidedBy())));
            store.functions().save(context.round(), more);
            announcer.accept("Auditing your " + typed.size() + " rule(s) like the others.");
            return run(context);
        }
        List<FunctionRecord> records = decide(stats, proven, choice);
        store.functions().save(context.round(), records);
        apply(context, records, items, choice.decidedBy());
        return new PhaseResult(Outcome.DONE, summary(records));
    }

    /** Each candidate measured on its own proof labels. */
    private List<FunctionStats> provedStats(PhaseContext context, VoteMatrix matrix) {
        Map<String, String> human = humanLabelMap();
        List<FunctionStats> stats = new ArrayList<>();
        for (int index = 0; index < matrix.functions().size(); index++) {
            stats.add(FunctionAnalysis.of(matrix, index, proof.forCandidate(context.round(), index, human)));
        }
        return stats;
    }

    private List<FunctionStats> proven(List<FunctionStats> stats) {
        PhasesConfig.LabelingFunctions settings = config.solo().phases().labelingFunctions();
        return stats.stream()
                .filter(stat -> stat.checked() > 0 && stat.precisionLow() >= settings.minPrecision())
                .sorted(Comparator.comparingInt(FunctionStats::covered).reversed())
                .limit(settings.maxFunctions())
                .toList();
    }

    private LabelingFunctionsRequest request(List<FunctionStats> proven) {
        return new LabelingFunctionsRequest(
                Progress.of(config.task().taskName(), phase(), store.humans().labeledItemCount()),
                new SchemeView(config.scheme().name(), store.setups().current().guidelines(), config.scheme().labels()),
                proven.stream().map(stat -> new LabelingFunctionsRequest.ProposedFunction(stat.function().name(),
                        stat.function().description(), stat.function().label(), stat.precision(), stat.precisionLow(),
                        stat.checked(), stat.coverage())).toList(),
                proven.isEmpty() ? "No candidate proved precise enough; type your own rule or go on." : "");
    }

    private List<FunctionRecord> decide(List<FunctionStats> all, List<FunctionStats> proven,
                                        LabelingFunctionChoice choice) {
        Set<LabelingFunction> provenFunctions = new HashSet<>();
        proven.forEach(stat -> provenFunctions.add(stat.function()));
        List<FunctionRecord> records = new ArrayList<>();
        for (FunctionStats stat : all) {
            boolean enabled = provenFunctions.contains(stat.function()) && choice.enabled().contains(stat.function().name());
            records.add(FunctionRecord.of(stat.function(), stat.covered(), stat.checked(), stat.correct(),
                    enabled ? FunctionRecord.Status.ENABLED : FunctionRecord.Status.DISABLED, choice.decidedBy()));
        }
        return records;
    }

    private void apply(PhaseContext context, List<FunctionRecord> records, ItemInputs items, String decidedBy) {
        votes.apply(phase(), context.round(), records, items, decidedBy, "round " + context.round() + ": labeling functions");
    }

    private List<HumanExample> humanLabels() {
        return store.humans().examples(config.scheme().name());
    }

    private Map<String, String> humanLabelMap() {
        Map<String, String> labels = new HashMap<>();
        humanLabels().forEach(label -> labels.put(label.itemId(), label.label()));
        return labels;
    }

    private static String summary(List<FunctionRecord> records) {
        long enabled = records.stream().filter(r -> r.status() == FunctionRecord.Status.ENABLED).count();
        long audited = records.stream().filter(r -> r.status() != FunctionRecord.Status.CANDIDATE).count();
        return String.format("%d of %d candidate labeling functions proven and kept", enabled, audited);
    }
}
