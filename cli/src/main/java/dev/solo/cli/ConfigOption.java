package dev.solo.cli;

import dev.solo.config.ConfigLoader;
import dev.solo.config.SoloConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config CONFIG}, for the commands that read a task without running it. */
final class ConfigOption {
    @Option(names = "--config", required = true, paramLabel = "CONFIG", description = "The task's YAML config.")
    Path file;

    SoloConfig load() {
        return new ConfigLoader().load(file);
    }
}
