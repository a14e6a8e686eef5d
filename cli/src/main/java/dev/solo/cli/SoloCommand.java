package dev.solo.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code solo} command: one expert and a model label a whole text dataset. */
@Command(name = "solo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "One expert and a model label a whole text dataset through the 12-phase Solo Mode workflow.",
        subcommands = {StartCommand.class, StatusCommand.class, ConfusionCommand.class, ExportCommand.class,
                GuidelinesCommand.class, VerifyCommand.class,
                AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, or stopped cleanly (status says what waits)", "1:failure", "2:bad input (config, data, gold file, options)"})
public final class SoloCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SoloCommand());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        // --approve all|none: enum values as the README writes them.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
