package dev.solo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.solo.SoloInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("OPENAI_API_KEY", "sk-test")::get);

    @ParameterizedTest
    @ValueSource(strings = {"reference/tutorial.yaml", "reference/quickstart.yaml", "reference/full-reference.yaml",
            "reviews/config.yaml"})
    void potatoConfigsLoadUnchanged(String name) {
        SoloConfig config = loader.load(EXAMPLES.resolve(name));

        assertThat(config.scheme().name()).isEqualTo("sentiment");
        assertThat(config.scheme().labels()).containsExactly("Positive", "Neutral", "Negative");
        assertThat(config.solo().seedSize()).isEqualTo(50);
    }

    @Test
    void tutorialSettingsAreRead() {
        SoloConfig config = loader.load(EXAMPLES.resolve("reference/tutorial.yaml"));

        assertThat(config.solo().llm().endpointType()).isEqualTo(LlmConfig.EndpointType.OPENAI);
        assertThat(config.solo().llm().apiKey()).isEqualTo("sk-test");
        assertThat(config.solo().accuracyThreshold()).isEqualTo(0.93);
        assertThat(config.solo().phases().activeLabeling().maxBatches()).isEqualTo(15);
        assertThat(config.solo().phases().seed().selection()).isEqualTo(PhasesConfig.Selection.DIVERSITY);
        assertThat(config.solo().prioritization().pools()).hasSize(6);
        assertThat(config.task().parquetExport().enabled()).isTrue();
    }

    @Test
    void fullReferenceKeepsEveryPhaseSetting() {
        PhasesConfig phases = loader.load(EXAMPLES.resolve("reference/full-reference.yaml")).solo().phases();

        assertThat(phases.confusionAnalysis().minSamples()).isEqualTo(30);
        assertThat(phases.guidelineRefinement().requireApproval()).isTrue();
        assertThat(phases.disagreementExploration().sortBy()).isEqualTo(PhasesConfig.SortBy.CONFIDENCE_GAP);
        assertThat(phases.promptOptimization().searchStrategy()).isEqualTo(PhasesConfig.SearchStrategy.BAYESIAN);
        assertThat(phases.finalValidation().fallbackPhase()).isEqualTo(6);
        assertThat(phases.edgeCaseSynthesis().diversityWeight()).isEqualTo(0.3);
    }

    @Test
    void documentationSnippetsLoad() throws IOException {
        Path file = write("""
                task_name: t
                data_files: [d.jsonl]
                annotation_schemes:
                  - {annotation_type: radio, name: s, labels: [a, b]}
                solo_mode:
                  verification: {enabled: true, sample_fraction: 0.15, annotator: "reviewer_1"}
                  phases:
                    labeling_functions:
                      types: [keyword_match, regex_pattern, length_threshold, embedding_cluster]
                    disagreement_exploration: {show_llm_reasoning: true, show_nearest_neighbors: 3, sort_by: lf_disagreement}
                    confidence_escalation: {stability_window: 3}
                    edge_case_synthesis:
                      confusion_pairs:
                        - ["neutral", "positive"]
                        - ["negative", "neutral"]
                    prompt_optimization:
                      variations: [instruction_style, example_ordering, reasoning_mode, example_count]
                """);

        SoloConfig config = loader.load(file);

        assertThat(config.solo().verification().sampleFraction()).isEqualTo(0.15);
        assertThat(config.solo().phases().edgeCaseSynthesis().confusionPairs()).hasSize(2);
        assertThat(config.solo().phases().confidenceEscalation().stabilityWindow()).isEqualTo(3);
    }

    @Test
    void unknownKeyNamesItsLineAndTheNearestKey() throws IOException {
        Path file = write("""
                task_name: t
                data_files: [d.jsonl]
                annotation_schemes:
                  - {name: s, labels: [a, b]}
                solo_mode:
                  seed_cout: 50
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine())
                        .isEqualTo(file + ":6: unknown key 'seed_cout' (did you mean 'seed_count'?)"));
    }

    @Test
    void wrongTypeNamesTheKeyAndLine() throws IOException {
        Path file = write("""
                task_name: t
                data_files: [d.jsonl]
                annotation_schemes:
                  - {name: s, labels: [a, b]}
                solo_mode:
                  seed_count: fifty
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> {
                    SoloInputException input = (SoloInputException) e;
                    assertThat(input.line()).isEqualTo(6);
                    assertThat(input.getMessage()).contains("seed_count").contains("whole number");
                });
    }

    @Test
    void invalidChoiceListsTheValidOnes() throws IOException {
        Path file = write("""
                task_name: t
                data_files: [d.jsonl]
                annotation_schemes:
                  - {name: s, labels: [a, b]}
                solo_mode:
                  phases:
                    seed:
                      selection: divers
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine())
                        .contains(":8: 'divers' is not a valid value").contains("diversity, random, stratified"));
    }

    @Test
    void anEmbeddingModelNotShippedIsRefusedWithTheShippedOnesListed() throws IOException {
        Path file = write("""
                task_name: t
                data_files: [d.jsonl]
                annotation_schemes:
                  - {name: s, labels: [a, b]}
                solo_mode:
                  phases:
                    seed:
                      embedding_model: "sentence-transformers/all-mpnet-base-v2"
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine())
                        .contains("config.yaml:")
                        .contains("unknown embedding model 'sentence-transformers/all-mpnet-base-v2'")
                        .contains("all-MiniLM-L6-v2, bge-small-en-v1.5, e5-small-v2"));
    }

    @Test
    void theLocalLabelersModelMustBeAShippedEmbeddingModel() throws IOException {
        Path file = write("""
                task_name: t
                data_files: [d.jsonl]
                annotation_schemes:
                  - {name: s, labels: [a, b]}
                solo_mode:
                  llm:
                    endpoint_type: local
                    model: gpt-4o
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine())
                        .contains("'model' names an unknown embedding model 'gpt-4o'"));
        Path shipped = write(Files.readString(file).replace("gpt-4o", "bge-small-en-v1.5"));
        assertThat(loader.load(shipped).solo().llm().model()).isEqualTo("bge-small-en-v1.5");
    }

    @Test
    void missingRequiredKeyIsNamed() throws IOException {
        Path file = write("""
                task_name: t
                annotation_schemes:
                  - {name: s, labels: [a, b]}
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .hasMessageContaining("missing required key 'data_files'");
    }

    @Test
    void emptyLabelsAreRefused() throws IOException {
        Path file = write("""
                task_name: t
                data_files: [d.jsonl]
                annotation_schemes:
                  - name: s
                    labels: []
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .hasMessageContaining("has no labels");
    }

    @Test
    void duplicateLabelsAreRefused() throws IOException {
        Path file = write("""
                task_name: t
                data_files: [d.jsonl]
                annotation_schemes:
                  - name: s
                    labels: [Positive, Negative, Positive]
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .hasMessageContaining("lists the label 'Positive' twice");
    }

    @Test
    void unsetVariableIsAnErrorOnlyWhenItsValueIsNeeded() throws IOException {
        Path file = write("""
                task_name: t
                data_files: ["${DATA_DIR}/d.jsonl"]
                annotation_schemes:
                  - {name: s, labels: [a, b]}
                solo_mode:
                  llm:
                    endpoint_type: openai
                    model: gpt-4o-mini
                    api_key: ${MISSING_KEY}
                """);

        SoloConfig config = new ConfigLoader(name -> null).load(file);

        assertThat(config.apiKeyVariable()).contains("MISSING_KEY");
        assertThatThrownBy(config::dataFiles)
                .isInstanceOf(SoloInputException.class)
                .satisfies(e -> assertThat(((SoloInputException) e).oneLine())
                        .isEqualTo(file + ":2: 'data_files' needs ${DATA_DIR}, which is not set (export DATA_DIR=... before running solo)"));
        assertThatThrownBy(() -> config.resolved(config.solo().llm().apiKey(), "api_key"))
                .hasMessageContaining("${MISSING_KEY}");
    }

    @Test
    void setVariablesAreExpandedAndPathsResolvedAgainstTheConfigFolder() throws IOException {
        Path file = write("""
                task_name: t
                task_dir: work
                data_files: ["${DATA_DIR}/d.jsonl"]
                annotation_schemes:
                  - {name: s, labels: [a, b]}
                """);

        SoloConfig config = new ConfigLoader(Map.of("DATA_DIR", "data")::get).load(file);

        assertThat(config.dataFiles()).containsExactly(dir.resolve("data/d.jsonl"));
        assertThat(config.stateFile()).isEqualTo(dir.resolve("work/.solo/state.db"));
        assertThat(config.outputDir()).isEqualTo(dir.resolve("work/output"));
    }

    @Test
    void apiKeyNeverShowsInTheConfigsText() {
        SoloConfig config = loader.load(EXAMPLES.resolve("reference/tutorial.yaml"));

        assertThat(config.solo().llm().toString()).doesNotContain("sk-test").contains("***");
    }

    @Test
    void brokenYamlNamesItsLine() throws IOException {
        Path file = write("task_name: t\ndata_files: [d.jsonl\nannotation_schemes: x\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(SoloInputException.class)
                .hasMessageContaining("not valid YAML");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
