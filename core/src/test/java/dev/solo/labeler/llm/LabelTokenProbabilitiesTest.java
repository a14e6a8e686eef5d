package dev.solo.labeler.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelTokenProbabilitiesTest {
    private static final List<String> LABELS = List.of("Positive", "Neutral", "Negative");

    @Test
    void readsTheLabelsFirstTokenNotTheAnswersFirstToken() {
        // {"label":"Neg|ative"} where the label's first token is "Neg", alternatives "Pos" and "Neut"
        JsonNode tokens = Json.read("""
                [{"token": "{\\"", "logprob": -0.0001, "top_logprobs": [{"token": "{\\"", "logprob": -0.0001}]},
                 {"token": "label", "logprob": 0.0, "top_logprobs": []},
                 {"token": "\\":\\"", "logprob": 0.0, "top_logprobs": []},
                 {"token": "Neg", "logprob": -0.35667, "top_logprobs": [
                     {"token": "Neg", "logprob": -0.35667}, {"token": "Neut", "logprob": -1.20397},
                     {"token": "Pos", "logprob": -4.60517}]},
                 {"token": "ative", "logprob": 0.0, "top_logprobs": []},
                 {"token": "\\"}", "logprob": 0.0, "top_logprobs": []}]
                """);

        Map<String, Double> probabilities = LabelTokenProbabilities.read(tokens, LABELS);

        double total = 0.7 + 0.3 + 0.01;
        assertThat(probabilities.get("Negative")).isCloseTo(0.7 / total, within(1e-4));
        assertThat(probabilities.get("Neutral")).isCloseTo(0.3 / total, within(1e-4));
        assertThat(probabilities.get("Positive")).isCloseTo(0.01 / total, within(1e-4));
    }

    @Test
    void aTokenThatAlsoHoldsTheOpeningQuoteIsReadAfterTheQuote() {
        // {"label":" + "Pos" fused: the token is ":"Pos, alternatives share the ":" prefix
        JsonNode tokens = Json.read("""
                [{"token": "{\\"label", "logprob": 0.0, "top_logprobs": []},
                 {"token": "\\":\\"Pos", "logprob": -0.1054, "top_logprobs": [
                     {"token": "\\":\\"Pos", "logprob": -0.1054}, {"token": "\\":\\"Neg", "logprob": -2.3026}]},
                 {"token": "itive\\"}", "logprob": 0.0, "top_logprobs": []}]
                """);

        Map<String, Double> probabilities = LabelTokenProbabilities.read(tokens, LABELS);

        assertThat(probabilities.get("Positive")).isCloseTo(0.9, within(1e-3));
        assertThat(probabilities.get("Negative")).isCloseTo(0.1, within(1e-3));
        assertThat(probabilities.get("Neutral")).isZero();
    }

    @Test
    void withoutALabelValueInTheTokensThereIsNothingToRead() {
        JsonNode tokens = Json.read("""
                [{"token": "Positive", "logprob": -0.1, "top_logprobs": []}]
                """);

        assertThat(LabelTokenProbabilities.read(tokens, LABELS)).isNull();
    }

    @Test
    void answersAreReadStrictly() {
        assertThat(LabelAnswer.read("{\"label\": \"positive \"}", LABELS).label()).contains("Positive");
        assertThat(LabelAnswer.read("Sure! {\"reasoning\": \"upbeat\", \"label\": \"Neutral\"}", LABELS))
                .isEqualTo(new LabelAnswer(Optional.of("Neutral"), "upbeat"));
        assertThat(LabelAnswer.read("Negative", LABELS).label()).contains("Negative");
        assertThat(LabelAnswer.read("{\"label\": \"Mixed\"}", LABELS).label()).isEmpty();
        assertThat(LabelAnswer.read("{\"label\": ", LABELS).label()).isEmpty();
        assertThat(LabelAnswer.read("I think it is positive", LABELS).label()).isEmpty();
    }
}
