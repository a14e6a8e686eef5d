package dev.solo.guidelines;

import dev.solo.human.HumanExample;
import dev.solo.lf.Terms;
import dev.solo.metrics.ConfusionReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Offline guideline suggestions, from the person's own labels: for each frequent confusion pair
 * (the person said A, the model said B), the words and phrases that most set the person's A texts
 * apart from their B texts, by the log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi and Quinn, 2008), counted once per text. A term is kept when it is in at least
 * {@link #MIN_TEXTS} A texts and its z-score is at least {@link #MIN_Z}; the rule "texts with these
 * terms are A, not B" is then a candidate labeling function. Without such terms the suggestion
 * shows the confused examples and carries no rule.
 */
public final class WordContrastAdvisor implements GuidelineAdvisor {
    static final int PAIRS = 3;
    static final int MIN_TEXTS = 3;
    /** Two-sided 95%: with a few dozen labels, weaker contrasts are mostly chance. */
    static final double MIN_Z = 1.96;
    static final int TERMS_SHOWN = 3;
    /** How many term occurrences the background prior is worth. */
    static final double PRIOR_WEIGHT = 10;

    @Override
    public List<GuidelineSuggestion> suggest(String guidelines, ConfusionReport report, List<HumanExample> labels,
                                             Map<String, String> texts) {
        Map<String, Set<String>> termsById = new HashMap<>();
        Map<String, Integer> background = new HashMap<>();
        for (HumanExample example : labels) {
            Set<String> terms = Terms.of(texts.getOrDefault(example.itemId(), ""));
            termsById.put(example.itemId(), terms);
            terms.forEach(term -> background.merge(term, 1, Integer::sum));
        }
        int backgroundTotal = background.values().stream().mapToInt(Integer::intValue).sum();
        List<GuidelineSuggestion> suggestions = new ArrayList<>();
        for (ConfusionReport.Pair pair : report.pairs().stream().limit(PAIRS).toList()) {
            Group person = Group.of(pair.human(), labels, termsById);
            Group model = Group.of(pair.model(), labels, termsById);
            List<Scored> terms = distinctive(person, model, background, backgroundTotal);
            suggestions.add(suggestion(suggestions.size() + 1, pair, report, person, model, terms, texts));
        }
        return suggestions;
    }

    @Override
    public String describe() {
        return "offline: rules from the words that set the confused labels apart in your own labels; "
                + "an approved rule labels items only as a labeling function (phase 5), the text alone does not "
                + "change the local labeler";
    }

    /** The texts the person gave one label: how many, and in how many of them each term appears. */
    private record Group(String label, int texts, Map<String, Integer> counts, int total) {
        static Group of(String label, List<HumanExample> labels, Map<String, Set<String>> termsById) {
            Map<String, Integer> counts = new HashMap<>();
            int texts = 0;
            for (HumanExample example : labels) {
                if (example.label().equals(label)) {
                    texts++;
                    termsById.get(example.itemId()).forEach(term -> counts.merge(term, 1, Integer::sum));
                }
            }
            return new Group(label, texts, counts, counts.values().stream().mapToInt(Integer::intValue).sum());
        }

        int count(String term) {
            return counts.getOrDefault(term, 0);
        }
    }

    private record Scored(String term, double z, int inPerson, int inModel) {
    }

    private static List<Scored> distinctive(Group person, Group model, Map<String, Integer> background,
                                            int backgroundTotal) {
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : person.counts().entrySet()) {
            String term = entry.getKey();
            int a = entry.getValue();
            int b = model.count(term);
            if (a < MIN_TEXTS || (double) a / person.texts() <= (double) b / Math.max(1, model.texts())) {
                continue;
            }
            double prior = PRIOR_WEIGHT * background.get(term) / backgroundTotal;
            double delta = Math.log((a + prior) / (person.total() + PRIOR_WEIGHT - a - prior))
                    - Math.log((b + prior) / (model.total() + PRIOR_WEIGHT - b - prior));
            double z = delta / Math.sqrt(1 / (a + prior) + 1 / (b + prior));
            if (z >= MIN_Z) {
                scored.add(new Scored(term, z, a, b));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::z).reversed().thenComparing(Scored::term));
        List<Scored> chosen = new ArrayList<>();
        for (Scored candidate : scored) {
            boolean overlaps = chosen.stream().anyMatch(kept -> kept.term().contains(candidate.term())
                    || candidate.term().contains(kept.term()));
            if (!overlaps && chosen.size() < TERMS_SHOWN) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    private static GuidelineSuggestion suggestion(int number, ConfusionReport.Pair pair, ConfusionReport report,
                                                  Group person, Group model, List<Scored> terms,
                                                  Map<String, String> texts) {
        String errors = String.format(Locale.ROOT, "%s -> %s: %d of %d compared labels (%.1f%%)", pair.human(),
                pair.model(), pair.count(), report.compared(), 100 * pair.share());
        String examples = Examples.quoted(pair.exampleIds(), texts);
        if (terms.isEmpty()) {
            return new GuidelineSuggestion("s" + number, "Texts like " + examples + " are " + pair.human() + ", not "
                    + pair.model() + ".", errors + "; no word sets them apart in your labels yet", Optional.empty());
        }
        List<String> quoted = terms.stream().map(scored -> "'" + scored.term() + "'").toList();
        String support = String.join(", ", terms.stream().map(scored -> String.format(Locale.ROOT,
                "'%s' in %d of %d %s and %d of %d %s texts", scored.term(), scored.inPerson(), person.texts(),
                person.label(), scored.inModel(), model.texts(), model.label())).toList());
        return new GuidelineSuggestion("s" + number,
                "Texts with " + String.join(" or ", quoted) + " are " + pair.human() + ", not " + pair.model() + ".",
                errors + "; " + support + (examples.isEmpty() ? "" : "; e.g. " + examples),
                Optional.of(new KeywordRule(terms.stream().map(Scored::term).toList(), pair.human(), pair.model())));
    }
}
