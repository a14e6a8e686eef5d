package dev.solo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.solo.config.SoloConfig;
import dev.solo.status.StatusReport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show where the task stands: phase, human labels, accuracy, label sources.")
final class StatusCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    ConfigOption configOption;

    @Option(names = "--json", description = "Print the status as JSON, for scripts.")
    boolean json;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SoloConfig config = configOption.load();
        Optional<StatusReport> existing = ExistingTask.read(config, store -> StatusReport.of(config, store));
        if (existing.isEmpty()) {
            if (json) {
                out.println(JSON.writeValueAsString(Map.of("task_name", config.task().taskName(), "state", "not_started")));
            } else {
                out.println("Task '" + config.task().taskName() + "' has not started yet. Run: solo start " + configOption.file);
            }
            return ExitCodes.OK;
        }
        StatusReport report = existing.get();
        out.print(json ? JSON.writeValueAsString(report) + System.lineSeparator() : StatusRenderer.render(report));
        out.flush();
        return ExitCodes.OK;
    }
}
