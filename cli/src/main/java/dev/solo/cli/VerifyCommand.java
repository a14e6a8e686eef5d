package dev.solo.cli;

import dev.solo.SoloInputException;
import dev.solo.config.SoloConfig;
import dev.solo.status.VerificationReport;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Show agreement with the second annotator (Cohen's kappa, per label) and list the disagreements to adjudicate.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Option(names = "--json", description = "Print the agreement and the disagreements as JSON, for scripts.")
    boolean json;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SoloConfig config = configOption.load();
        if (!config.solo().verification().enabled()) {
            throw new SoloInputException(configOption.file, "verification is not enabled for this task",
                    "set solo_mode.verification.enabled: true, then solo start " + configOption.file + " --annotator "
                            + config.solo().verification().annotator());
        }
        Optional<VerificationReport> report = ExistingTask.read(config, store -> VerificationReport.of(config, store))
                .flatMap(found -> found);
        if (report.isEmpty()) {
            out.println("Task '" + config.task().taskName() + "' has not started yet. Run: solo start " + configOption.file);
            return ExitCodes.OK;
        }
        out.print(json ? StatusCommand.JSON.writeValueAsString(report.get()) + System.lineSeparator()
                : VerificationRenderer.full(report.get()));
        out.flush();
        return ExitCodes.OK;
    }
}
