package dev.solo.cli;

import dev.solo.SoloInputException;
import dev.solo.cli.terminal.LineAnnotator;
import dev.solo.cli.terminal.TerminalAnnotator;
import dev.solo.config.ConfigLoader;
import dev.solo.config.SoloConfig;
import dev.solo.dataset.DatasetImporter;
import dev.solo.dataset.ImportReport;
import dev.solo.human.Annotator;
import dev.solo.human.GoldLabels;
import dev.solo.human.OracleAnnotator;
import dev.solo.phases.Workflow;
import dev.solo.store.SqliteStore;
import dev.solo.store.TaskLock;
import dev.solo.workflow.WorkflowState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the workflow from wherever it stopped, asking for labels in the terminal.")
final class StartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "The task's YAML config.")
    Path configFile;

    @Option(names = "--oracle", paramLabel = "FILE",
            description = "Answer every label prompt from this gold-label JSONL (scripts, CI, benchmarks).")
    Path oracleFile;

    @Option(names = "--oracle-label-key", paramLabel = "KEY", defaultValue = "label",
            description = "The field of the gold file that holds the label (default: ${DEFAULT-VALUE}).")
    String oracleLabelKey;

    @Option(names = "--non-interactive",
            description = "Run only what needs no person; stop cleanly (exit 0) when a person is needed.")
    boolean nonInteractive;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for every random choice; stored with the task on its first start.")
    Long seed;

    @Option(names = "--dry-run",
            description = "Estimate the LLM calls, tokens and cost of the next phase that calls the model, without sending anything or changing the task.")
    boolean dryRun;

    @Option(names = "--annotator", paramLabel = "NAME",
            description = "Name recorded with your labels (default: your user name).")
    String annotatorName;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SoloConfig config = new ConfigLoader().load(configFile);
        Optional<GoldLabels> gold = Optional.ofNullable(oracleFile).map(file -> GoldLabels.load(file,
                config.task().itemProperties().idKey(), oracleLabelKey, config.scheme().labels()));
        if (dryRun) {
            new DryRun(config, out).run(gold, seed);
            out.flush();
            return ExitCodes.OK;
        }
        List<Path> dataFiles = config.dataFiles();
        Path stateFile = config.stateFile();
        try (TaskLock lock = TaskLock.tryAcquire(stateFile).orElseThrow(() -> new TaskBusyException(
                "another solo start is running on this task (" + stateFile + "); wait for it to finish or stop it"));
             SqliteStore store = SqliteStore.open(stateFile)) {
            long randomSeed = settleRandomSeed(store);
            ImportReport report = new DatasetImporter(store).importFiles(dataFiles, config.task().itemProperties());
            ImportSummary.print(report, store.itemCount(), out);
            if (store.itemCount() == 0) {
                throw new SoloInputException(configFile, "the data files hold no items to label",
                        "check data_files and item_properties.text_key");
            }
            WorkflowState end = runWorkflow(config, store, gold, randomSeed, out);
            out.println(StopMessage.describe(end, configFile, stateFile));
            return ExitCodes.OK;
        }
    }

    private long settleRandomSeed(SqliteStore store) {
        Optional<Long> stored = store.randomSeed();
        if (stored.isPresent()) {
            if (seed != null && !seed.equals(stored.get())) {
                throw new SoloInputException(null, "this task was started with --seed " + stored.get()
                        + ", not " + seed, "omit --seed, or delete the task's .solo folder to start over");
            }
            return stored.get();
        }
        long chosen = seed != null ? seed : new SecureRandom().nextLong();
        store.saveRandomSeed(chosen);
        return chosen;
    }

    private WorkflowState runWorkflow(SoloConfig config, SqliteStore store, Optional<GoldLabels> gold, long randomSeed,
                                      PrintWriter out) throws Exception {
        Consumer<String> printNow = line -> {
            out.println(line);
            out.flush();
        };
        if (gold.isPresent()) {
            return new Workflow(config, store, Optional.of(new OracleAnnotator(gold.get())), randomSeed,
                    Clock.systemUTC(), printNow).run();
        }
        if (nonInteractive) {
            return new Workflow(config, store, Optional.empty(), randomSeed, Clock.systemUTC(), printNow).run();
        }
        String name = annotatorName != null ? annotatorName : System.getProperty("user.name", "human");
        Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr)
                .dumb(true)
                .build();
        if (terminal.getType().startsWith("dumb")) {
            terminal.close();
            LineAnnotator lines = new LineAnnotator(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out, name);
            return new Workflow(config, store, Optional.of(lines), randomSeed, Clock.systemUTC(), printNow).run();
        }
        List<String> announcements = new ArrayList<>();
        try (terminal; TerminalAnnotator screen = new TerminalAnnotator(terminal, name)) {
            return new Workflow(config, store, Optional.of(screen), randomSeed, Clock.systemUTC(), message -> {
                announcements.add(message);
                screen.announce(message);
            }).run();
        } finally {
            announcements.forEach(out::println);
        }
    }
}
