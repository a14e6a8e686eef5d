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
 * One round of labeling functions, held by phase 5 and by each refinement round: candidates are
 * proposed and frozen for the round, proven by a blind audit, shown for the person to keep or
 * switch off, and the kept ones' votes applied. Functions kept in an earlier round are carried in
 * with the proof they have (their audit goes with them) and are not audited again; only names
 * never audited before are proposed, so a round with nothing new changes nothing.
 */
final class FunctionRound {
    private final SoloConfig config;
    private final Store store;
    private final Models models;
    private final Optional<Annotator> person;
    private final FunctionProposals proposals;
    private final FunctionAudit audit;
    private final ProofLabels proof;
    private final FunctionVotes votes;
    private final Consumer<String> announcer;

    FunctionRound(SoloConfig config, Store store, Models models, HumanLabelingLoop labeling, Optional<Annotator> person,
                  Clock clock, Consumer<String> announcer) {
        this.config = config;
        this.store = store;
        this.models = models;
        this.person = person;
        this.proposals = new FunctionProposals(config, store, models, clock, announcer);
        this.audit = new FunctionAudit(config.solo().phases().labelingFunctions(), store.workflow(), labeling, announcer);
        this.proof = new ProofLabels(config, store);
        this.votes = new FunctionVotes(config, store, clock);
        this.announcer = announcer;
    }

    /**
     * Runs the round in {@code phase}; resumes a round stopped midway, and does nothing for a
     * decided one. {@code onlyWhenNew}: with no new candidate, skip the review (a refinement round);
     * otherwise the person still sees it and may type rules of their own (phase 5).
     */
    PhaseResult run(Phase phase, PhaseContext context, boolean onlyWhenNew) {
        int round = context.round();
        List<FunctionRecord> stored = store.functions().of(round);
        if (!stored.isEmpty() && stored.stream().noneMatch(record -> record.status() == FunctionRecord.Status.CANDIDATE)) {
            return new PhaseResult(Outcome.DONE, summary(stored));
        }
        ItemInputs items = new ItemInputs(store.items(), models::everyItemVectors);
        if (stored.isEmpty()) {
            stored = freeze(context, items);
            if (stored.isEmpty() && onlyWhenNew) {
                return new PhaseResult(Outcome.DONE, "no new labeling function to propose");
            }
        }
        List<LabelingFunction> candidates = stored.stream().map(FunctionRecord::function).toList();
        VoteMatrix matrix = items.apply(candidates);
        matrix.failures().forEach((index, what) -> announcer.accept("Labeling function "
                + candidates.get(index).name() + " " + what + "; it is switched off."));
        Set<Integer> typedByPerson = new HashSet<>();
        Set<Integer> carried = new HashSet<>();
        for (int index = 0; index < stored.size(); index++) {
            FunctionRecord record = stored.get(index);
            if (record.status() == FunctionRecord.Status.ENABLED) {
                carried.add(index);
            } else if (!record.decidedBy().isEmpty()) {
                typedByPerson.add(index);
            }
        }
        AuditPayoff payoff = AuditPayoff.of(matrix, store.predictions(), config.scheme().name(),
                config.solo().phases().labelingFunctions().minPrecision());
        Outcome audited = audit.audit(context, matrix, payoff, this::humanLabelMap, proof, typedByPerson, carried);
        if (audited != Outcome.DONE) {
            return new PhaseResult(audited, "auditing labeling functions");
        }
        List<FunctionStats> stats = provedStats(round, matrix);
        List<FunctionStats> proven = proven(stats);
        if (person.isEmpty()) {
            return new PhaseResult(Outcome.NEEDS_HUMAN, proven.size() + " labeling functions to review");
        }
        LabelingFunctionChoice choice = person.get().choose(request(phase, proven));
        if (choice.stopped()) {
            return new PhaseResult(Outcome.QUIT, "labeling-function review not finished; nothing changed");
        }
        List<LabelingFunction> typed = choice.added().stream().map(RuleFunctions::of)
                .filter(function -> !candidates.contains(function)).toList();
        if (!typed.isEmpty()) {
            // The person's rules are proven like the others: audited, then the review is shown again.
            List<FunctionRecord> more = new ArrayList<>(stored);
            typed.forEach(function -> more.add(FunctionRecord.of(function, 0, 0, 0, FunctionRecord.Status.CANDIDATE,
                    choice.decidedBy())));
            store.functions().save(round, more);
            announcer.accept("Auditing your " + typed.size() + " rule(s) like the others.");
            return run(phase, context, false);
        }
        List<FunctionRecord> records = decide(stats, proven, choice);
        store.functions().save(round, records);
        votes.apply(phase, round, records, items, choice.decidedBy(), "round " + round + ": labeling functions");
        return new PhaseResult(Outcome.DONE, summary(records));
    }

    /**
     * The round's functions: those kept in the latest earlier round, carried in with their audit,
     * then the new candidates, whose names no earlier round audited.
     */
    private List<FunctionRecord> freeze(PhaseContext context, ItemInputs items) {
        int round = context.round();
        Set<String> seenBefore = new HashSet<>();
        int carriedFrom = 0;
        for (int earlier = 1; earlier < round; earlier++) {
            List<FunctionRecord> records = store.functions().of(earlier);
            records.forEach(record -> seenBefore.add(record.function().name()));
            if (!records.isEmpty()) {
                carriedFrom = earlier;
            }
        }
        List<FunctionRecord> previous = carriedFrom == 0 ? List.of() : store.functions().of(carriedFrom);
        List<Integer> kept = new ArrayList<>();
        for (int index = 0; index < previous.size(); index++) {
            if (previous.get(index).status() == FunctionRecord.Status.ENABLED) {
                kept.add(index);
            }
        }
        List<FunctionRecord> fresh = proposals.propose(context, items, humanLabels(), seenBefore).stream()
                .map(FunctionRecord::candidate)
                .toList();
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<FunctionRecord> frozen = new ArrayList<>();
        for (int index : kept) {
            // The audit goes with the function: batch n of a round's audits is its candidate n.
            store.workflow().saveQueue(Phase.LABELING_FUNCTIONS, round, frozen.size() + 1,
                    store.workflow().queue(Phase.LABELING_FUNCTIONS, carriedFrom, index + 1));
            frozen.add(previous.get(index));
        }
        frozen.addAll(fresh);
        store.functions().save(round, frozen);
        return frozen;
    }

    /** Each candidate measured on its own proof labels. */
    private List<FunctionStats> provedStats(int round, VoteMatrix matrix) {
        Map<String, String> human = humanLabelMap();
        List<FunctionStats> stats = new ArrayList<>();
        for (int index = 0; index < matrix.functions().size(); index++) {
            stats.add(FunctionAnalysis.of(matrix, index, proof.forCandidate(round, index, human)));
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

    private LabelingFunctionsRequest request(Phase phase, List<FunctionStats> proven) {
        return new LabelingFunctionsRequest(
                Progress.of(config.task().taskName(), phase, store.humans().labeledItemCount()),
                new SchemeView(config.scheme().name(), store.setups().current().guidelines(), config.scheme().labels()),
                proven.stream().map(stat -> new LabelingFunctionsRequest.ProposedFunction(stat.function().name(),
                        stat.function().description(), stat.function().label(), stat.precision(), stat.precisionLow(),
                        stat.checked(), stat.coverage())).toList(),
                proven.isEmpty() ? "No candidate proved precise enough; type your own rule or go on." : "");
    }

    private static List<FunctionRecord> decide(List<FunctionStats> all, List<FunctionStats> proven,
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

    private List<HumanExample> humanLabels() {
        return store.humans().examples(config.scheme().name());
    }

    private Map<String, String> humanLabelMap() {
        Map<String, String> labels = new HashMap<>();
        humanLabels().forEach(label -> labels.put(label.itemId(), label.label()));
        return labels;
    }

    static String summary(List<FunctionRecord> records) {
        long enabled = records.stream().filter(r -> r.status() == FunctionRecord.Status.ENABLED).count();
        long audited = records.stream().filter(r -> r.status() != FunctionRecord.Status.CANDIDATE).count();
        return String.format("%d of %d candidate labeling functions proven and kept", enabled, audited);
    }
}
