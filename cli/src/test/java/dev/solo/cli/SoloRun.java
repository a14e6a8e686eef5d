package dev.solo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One {@code solo} command run in-process, as a script would run it: its exit code and what it printed. */
record SoloRun(int exit, String out, String err) {

    static SoloRun of(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        CommandLine commandLine = SoloCommand.commandLine();
        commandLine.setOut(new PrintWriter(outText, true));
        commandLine.setErr(new PrintWriter(errText, true));
        int exit = commandLine.execute(args);
        return new SoloRun(exit, outText.toString(), errText.toString());
    }
}
