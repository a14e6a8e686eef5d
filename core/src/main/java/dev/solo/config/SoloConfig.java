package dev.solo.config;

import dev.solo.SoloInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A loaded task configuration with its paths resolved: {@code task_dir} against the config
 * file's folder, data files against the config file's folder, outputs and state against
 * {@code task_dir}.
 */
public final class SoloConfig {
    private final Path file;
    private final Path absoluteFile;
    private final TaskConfig task;
    private final Map<String, Integer> unsetVariableLines;
    private final String apiKeyVariable;

    SoloConfig(Path file, Path absoluteFile, TaskConfig task, Map<String, Integer> unsetVariableLines,
               String apiKeyVariable) {
        this.file = file;
        this.absoluteFile = absoluteFile;
        this.task = task;
        this.unsetVariableLines = unsetVariableLines;
        this.apiKeyVariable = apiKeyVariable;
    }

    /** The config file as the user named it (for messages). */
    public Path file() {
        return file;
    }

    public TaskConfig task() {
        return task;
    }

    public SoloModeConfig solo() {
        return task.soloMode();
    }

    public AnnotationScheme scheme() {
        return task.scheme();
    }

    public Path configDir() {
        return absoluteFile.getParent();
    }

    public Path taskDir() {
        return configDir().resolve(resolved(task.taskDir(), "task_dir")).normalize();
    }

    public List<Path> dataFiles() {
        return task.dataFiles().stream()
                .map(name -> configDir().resolve(resolved(name, "data_files")).normalize())
                .toList();
    }

    /** The one SQLite file that holds this task's state. */
    public Path stateFile() {
        return taskDir().resolve(".solo").resolve("state.db");
    }

    public Path outputDir() {
        return taskDir().resolve(resolved(task.outputAnnotationDir(), "output_annotation_dir")).normalize();
    }

    public Path parquetFile() {
        return taskDir().resolve(resolved(task.parquetExport().outputDir(), "parquet_export.output_dir"))
                .resolve("annotations.parquet").normalize();
    }

    /**
     * Returns the value with every variable set, or throws naming the first unset variable and
     * the line where it appears: call this only where the value is actually needed.
     */
    public String resolved(String value, String key) {
        if (value == null) {
            return null;
        }
        Matcher variable = EnvironmentExpander.variables(value);
        if (variable.find()) {
            String name = variable.group(1);
            throw new SoloInputException(file, unsetVariableLines.getOrDefault(name, 0),
                    "'" + key + "' needs ${" + name + "}, which is not set", "export " + name + "=... before running solo");
        }
        return value;
    }

    /** The environment variable {@code solo_mode.llm.api_key} reads ({@code ${NAME}}), if any. */
    public Optional<String> apiKeyVariable() {
        return Optional.ofNullable(apiKeyVariable);
    }

    Map<String, Integer> unsetVariableLines() {
        return unsetVariableLines;
    }
}
