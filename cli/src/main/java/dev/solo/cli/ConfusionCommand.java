package dev.solo.cli;

import dev.solo.SoloInputException;
import dev.solo.config.SoloConfig;
import dev.solo.metrics.ConfusionReportJson;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "confusion", mixinStandardHelpOptions = true,
        description = "Show where the model and the person disagree: accuracy, confusion pairs, per-class P/R/F1.")
final class ConfusionCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Option(names = "--round", paramLabel = "N", description = "The round to show (default: the latest).")
    Integer round;

    @Option(names = "--json", description = "Print the analysis as JSON, for scripts.")
    boolean json;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SoloConfig config = configOption.load();
        Optional<String> stored = ExistingTask.read(config, store -> store.measurements().confusionReport(round))
                .flatMap(report -> report);
        if (stored.isEmpty()) {
            throw new SoloInputException(configOption.file, round == null
                    ? "no confusion analysis yet: it is made in phase 3 (Confusion Analysis)"
                    : "no confusion analysis for round " + round,
                    round == null ? "run: solo start " + configOption.file : "omit --round to see the latest");
        }
        out.print(json ? stored.get() + System.lineSeparator() : ConfusionRenderer.render(ConfusionReportJson.read(stored.get())));
        out.flush();
        return ExitCodes.OK;
    }
}
