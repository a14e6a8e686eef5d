package dev.solo.config;

import java.util.List;
import java.util.Objects;

/**
 * A Potato task configuration as written in its YAML file: the top level. Paths are kept as
 * written; {@link SoloConfig} resolves them.
 */
public record TaskConfig(
        String taskName,
        String taskDir,
        List<String> dataFiles,
        ItemProperties itemProperties,
        List<AnnotationScheme> annotationSchemes,
        String outputAnnotationDir,
        String outputAnnotationFormat,
        ParquetExport parquetExport,
        SoloModeConfig soloMode) {

    public TaskConfig {
        if (taskName == null || taskName.isBlank()) {
            throw ConfigRuleException.missingKey("task_name", "name the task, e.g. task_name: \"Review sentiment\"");
        }
        if (dataFiles == null || dataFiles.isEmpty()) {
            throw ConfigRuleException.missingKey("data_files", "list the JSONL, CSV or TSV files to label");
        }
        if (annotationSchemes == null || annotationSchemes.isEmpty()) {
            throw ConfigRuleException.missingKey("annotation_schemes", "add a radio scheme with its labels");
        }
        taskDir = Objects.requireNonNullElse(taskDir, ".");
        dataFiles = List.copyOf(dataFiles);
        itemProperties = Objects.requireNonNullElse(itemProperties, ItemProperties.DEFAULT);
        annotationSchemes = List.copyOf(annotationSchemes);
        outputAnnotationDir = Objects.requireNonNullElse(outputAnnotationDir, "output/");
        outputAnnotationFormat = Objects.requireNonNullElse(outputAnnotationFormat, "jsonl");
        parquetExport = Objects.requireNonNullElse(parquetExport, ParquetExport.DISABLED);
        soloMode = Objects.requireNonNullElse(soloMode, SoloModeConfig.DEFAULT);
    }

    /** The scheme solo mode labels: the first one (solo mode labels one radio scheme per task). */
    public AnnotationScheme scheme() {
        return annotationSchemes.get(0);
    }
}
