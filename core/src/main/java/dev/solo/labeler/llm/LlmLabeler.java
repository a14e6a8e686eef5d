package dev.solo.labeler.llm;

import dev.solo.config.LlmConfig;
import dev.solo.labeler.Labeler;
import dev.solo.labeler.LabelingModel;
import dev.solo.labeler.Prediction;
import dev.solo.labeler.TemperatureScaling;
import dev.solo.human.HumanExample;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A remote language model as a labeler ({@code openai}, {@code vllm}, {@code anthropic},
 * {@code ollama}). Training keeps the human labels as the few-shot pool and calibrates: up to
 * {@link #CALIBRATION_LABELS} of the pool are labeled with themselves left out of the prompt,
 * and a temperature fitted on those answers makes the confidences honest, as for the local
 * labeler. Items are labeled {@code max_concurrency} at a time.
 */
public final class LlmLabeler implements Labeler {
    static final int CALIBRATION_LABELS = 30;
    static final int FEWEST_FOR_CALIBRATION = 10;
    /** Sampling temperature for self-consistency when the configured one is too low to vary. */
    static final double SAMPLING_TEMPERATURE = 0.7;
    private static final double SMOOTHING = 0.01;

    private final LlmClient client;
    private final FewShotPrompt prompt;
    private final LlmConfig settings;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final Function<Collection<String>, Map<String, String>> texts;
    private final long seed;
    private final Consumer<String> progress;

    /**
     * {@code texts} reads items' texts and {@code progress} hears how far a long batch is; both
     * are called on the caller's thread only.
     */
    public LlmLabeler(LlmClient client, FewShotPrompt prompt, LlmConfig settings,
                      Function<Collection<String>, Map<String, String>> texts, long seed, Consumer<String> progress) {
        this.client = client;
        this.prompt = prompt;
        this.settings = settings;
        this.texts = texts;
        this.seed = seed;
        this.progress = progress;
    }

    @Override
    public boolean relabelsCheaply() {
        return false;
    }

    @Override
    public String name() {
        return client.provider().name() + ":" + client.model();
    }

    @Override
    public LabelingModel train(List<HumanExample> examples) {
        List<HumanExample> pool = List.copyOf(examples);
        double temperature = 1.0;
        if (pool.size() >= FEWEST_FOR_CALIBRATION) {
            List<HumanExample> sample = new ArrayList<>(pool);
            Collections.shuffle(sample, new Random(seed));
            sample = sample.subList(0, Math.min(CALIBRATION_LABELS, sample.size()));
            temperature = calibrate(pool, sample);
        }
        double fitted = temperature;
        return itemIds -> predict(pool, itemIds, fitted);
    }

    /**
     * Labels items with {@code pool} as the few-shot examples, without fitting a temperature: for
     * scoring a prompt, where only the chosen label counts. An item's own label is never among its
     * examples, so a labeled item is labeled as if it were not.
     */
    public List<Prediction> labelUncalibrated(List<HumanExample> pool, List<String> itemIds) {
        return predict(List.copyOf(pool), itemIds, 1.0);
    }

    private double calibrate(List<HumanExample> pool, List<HumanExample> heldOut) {
        List<Answered> answers = answer(pool, heldOut.stream().map(HumanExample::itemId).toList());
        List<double[]> logits = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < heldOut.size(); i++) {
            if (answers.get(i).distribution() != null) {
                logits.add(logits(answers.get(i).distribution()));
                truth.add(prompt.labels().indexOf(heldOut.get(i).label()));
            }
        }
        if (logits.size() < FEWEST_FOR_CALIBRATION) {
            return 1.0;
        }
        return TemperatureScaling.fit(logits.toArray(double[][]::new), truth.stream().mapToInt(Integer::intValue).toArray());
    }

    private List<Prediction> predict(List<HumanExample> pool, List<String> itemIds, double temperature) {
        List<Answered> answers = answer(pool, itemIds);
        List<Prediction> predictions = new ArrayList<>(itemIds.size());
        for (int i = 0; i < itemIds.size(); i++) {
            double[] raw = answers.get(i).distribution();
            if (raw == null) {
                predictions.add(Prediction.abstention(itemIds.get(i)));
                continue;
            }
            double[] p = TemperatureScaling.softmax(logits(raw), temperature);
            predictions.add(Prediction.of(itemIds.get(i), prompt.labels(), p, answers.get(i).reasoning()));
        }
        return predictions;
    }

    /** A raw label distribution and the reasoning given with the answer (null when none was asked for). */
    private record Answered(double[] distribution, String reasoning) {
    }

    /** Each item's raw label distribution (null for an abstention), asked {@code max_concurrency} at a time. */
    private List<Answered> answer(List<HumanExample> pool, List<String> itemIds) {
        Set<String> needed = new LinkedHashSet<>(itemIds);
        pool.forEach(example -> needed.add(example.itemId()));
        Map<String, String> textById = texts.apply(needed);
        ExecutorService workers = Executors.newFixedThreadPool(settings.maxConcurrency());
        try {
            List<Future<Answered>> answers = new ArrayList<>(itemIds.size());
            for (String itemId : itemIds) {
                answers.add(workers.submit(() -> distribution(pool, itemId, textById)));
            }
            List<Answered> distributions = new ArrayList<>(itemIds.size());
            long lastReport = System.nanoTime();
            for (Future<Answered> answer : answers) {
                distributions.add(answer.get());
                if (System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = System.nanoTime();
                    progress.accept(String.format("Asked %s about %,d of %,d items.", name(), distributions.size(),
                            itemIds.size()));
                }
            }
            return distributions;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("interrupted while labeling");
        } finally {
            workers.shutdownNow();
            awaitQuietly(workers);
        }
    }

    /** After a failure, lets requests already on the wire finish and be recorded before the error surfaces. */
    private void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(settings.timeoutSeconds() + 10L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answered distribution(List<HumanExample> pool, String itemId, Map<String, String> textById) {
        List<HumanExample> shots = prompt.examplesFor(itemId, pool);
        ChatRequest request = new ChatRequest(prompt.system(), prompt.user(shots, textById, textById.get(itemId)),
                prompt.answer(), usesLogprobs(), settings.temperature(), settings.maxTokens(), 0);
        if (usesLogprobs()) {
            ChatReply reply = client.complete(request);
            LabelAnswer answer = LabelAnswer.read(reply.content(), prompt.labels());
            if (answer.label().isEmpty()) {
                // Strict parsing, one more try; then an abstention.
                reply = client.complete(request.asSample(1, request.temperature()));
                answer = LabelAnswer.read(reply.content(), prompt.labels());
            }
            if (answer.label().isEmpty()) {
                return new Answered(null, answer.reasoning());
            }
            Map<String, Double> probabilities = reply.labelProbabilities(prompt.labels());
            if (probabilities != null && probabilities.get(answer.label().get()) > 0) {
                return new Answered(prompt.labels().stream().mapToDouble(probabilities::get).toArray(),
                        answer.reasoning());
            }
            // The answer is a label but came without usable log-probabilities: vote instead.
        }
        return fromVotes(request);
    }

    private boolean usesLogprobs() {
        return switch (settings.confidence()) {
            case LOGPROBS -> true;
            case SELF_CONSISTENCY -> false;
            case AUTO -> client.provider().givesLogprobs();
        };
    }

    /**
     * The vote share of each label over {@code self_consistency_samples} sampled answers (none if
     * no answer is a label), with the reasoning of the first answer that chose the majority label.
     */
    private Answered fromVotes(ChatRequest request) {
        double temperature = Math.max(request.temperature(), SAMPLING_TEMPERATURE);
        double[] votes = new double[prompt.labels().size()];
        String[] reasoning = new String[votes.length];
        int counted = 0;
        for (int sample = 0; sample < settings.selfConsistencySamples(); sample++) {
            LabelAnswer answer = LabelAnswer.read(client.complete(request.asSample(sample, temperature)).content(),
                    prompt.labels());
            if (answer.label().isPresent()) {
                int k = prompt.labels().indexOf(answer.label().get());
                votes[k]++;
                reasoning[k] = reasoning[k] == null ? answer.reasoning() : reasoning[k];
                counted++;
            }
        }
        if (counted == 0) {
            return new Answered(null, null);
        }
        int majority = 0;
        for (int k = 0; k < votes.length; k++) {
            majority = votes[k] > votes[majority] ? k : majority;
            votes[k] /= counted;
        }
        return new Answered(votes, reasoning[majority]);
    }

    /** Log-probabilities, smoothed so that a label no sample chose keeps a little mass. */
    private static double[] logits(double[] distribution) {
        double[] logits = new double[distribution.length];
        for (int k = 0; k < distribution.length; k++) {
            logits[k] = Math.log((distribution[k] + SMOOTHING) / (1 + SMOOTHING * distribution.length));
        }
        return logits;
    }
}
