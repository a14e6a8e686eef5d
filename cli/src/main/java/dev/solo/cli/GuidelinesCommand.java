package dev.solo.cli;

import dev.solo.config.SoloConfig;
import dev.solo.label.LabelingSetup;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "guidelines", mixinStandardHelpOptions = true,
        description = "Show the guidelines in force and every earlier version: who made it, when, and why.")
final class GuidelinesCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Mixin
    ConfigOption configOption;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SoloConfig config = configOption.load();
        List<LabelingSetup> history = ExistingTask.read(config, store -> store.setups().history()).orElse(List.of());
        if (history.isEmpty()) {
            out.println("Guidelines (from the config; the task has not started):");
            out.println(config.scheme().description() == null ? "(none)" : config.scheme().description().strip());
            return ExitCodes.OK;
        }
        LabelingSetup current = history.get(history.size() - 1);
        out.println("Guidelines, version " + current.version() + ":");
        out.println(current.guidelines().isBlank() ? "(none)" : current.guidelines().strip());
        out.println();
        out.println("History:");
        for (LabelingSetup setup : history) {
            out.println("  " + setup.version() + "  " + WHEN.format(setup.createdAt()) + "  by " + setup.author()
                    + (setup.reason().isEmpty() ? "" : "  (" + setup.reason() + ")"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
