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
        try {
            System.exit(commandLine().execute(args));
        } catch (OutOfMemoryError full) {
            // What was saved is on disk (each write commits before it returns); say how to give Java more.
            System.err.printf("solo: out of memory: this task needs more than the %,d MB of heap Java was given; "
                    + "run again with SOLO_JAVA_OPTS=-Xmx6g (or more) and it resumes where it stopped%n",
                    Runtime.getRuntime().maxMemory() >> 20);
            System.exit(ExitCodes.FAILURE);
        }
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
