package dev.solo.cli;

import dev.solo.SoloInputException;
import dev.solo.cli.terminal.LineAnnotator;
import dev.solo.cli.terminal.TerminalAnnotator;
import dev.solo.config.ConfigLoader;
import dev.solo.config.SoloConfig;
import dev.solo.dataset.DatasetImporter;
import dev.solo.dataset.ImportReport;
import dev.solo.human.Annotator;
import dev.solo.human.ApprovalPolicy;
import dev.solo.human.GoldLabels;
import dev.solo.human.OracleAnnotator;
import dev.solo.phases.ConfiguredModels;
import dev.solo.phases.Models;
import dev.solo.phases.TaskRun;
import dev.solo.phases.VerificationSession;
import dev.solo.store.SqliteStore;
import dev.solo.store.TaskLock;
import dev.solo.workflow.WorkflowState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @Option(names = "--approve", paramLabel = "all|none",
            description = "With --oracle: accept every suggested guideline edit and proven labeling function, or none (the default); recorded as who decided.")
    ApprovalPolicy approve;

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
        if (approve != null && gold.isEmpty()) {
            throw new SoloInputException(null, "--approve decides for the oracle",
                    "pass --oracle FILE too, or drop --approve and decide in the terminal");
        }
        ApprovalPolicy policy = approve != null ? approve : ApprovalPolicy.NONE;
        if (dryRun) {
            new DryRun(config, out).run(gold.map(file -> new OracleAnnotator(file, policy)), seed);
            out.flush();
            return ExitCodes.OK;
        }
        Path stateFile = config.stateFile();
        try (TaskLock lock = TaskLock.tryAcquire(stateFile).orElseThrow(() -> new TaskBusyException(
                "another solo start is running on this task (" + stateFile + "); wait for it to finish or stop it"));
             SqliteStore store = SqliteStore.open(stateFile)) {
            RandomSeed.refuseAnother(store.workflow(), seed);
            ImportReport report = new DatasetImporter(store.items()).importFiles(config.dataFiles(),
                    config.task().itemProperties());
            ImportSummary.print(report, store.items().count(), out);
            if (store.items().count() == 0) {
                throw new SoloInputException(configFile, "the data files hold no items to label",
                        "check data_files and item_properties.text_key");
            }
            if (isVerifier(config)) {
                return verify(config, store, gold, out);
            }
            if (store.workflow().state().status() == WorkflowState.Status.COMPLETE) {
                out.println("Task '" + config.task().taskName() + "' is complete" + (report.added() > 0
                        ? String.format(" (the %,d items imported now are not labeled: the workflow ran before they came)",
                        report.added()) : "") + ". solo status --config " + configFile + " shows the summary; "
                        + "solo export --config " + configFile + " --output labels.jsonl writes the dataset.");
                return ExitCodes.OK;
            }
            long randomSeed = RandomSeed.settle(store.workflow(), seed);
            WorkflowState end = withPerson(gold, out, (person, announcer) -> {
                Clock clock = Clock.systemUTC();
                try (Models models = new ConfiguredModels(config, store, randomSeed, clock, announcer, Optional.empty())) {
                    return new TaskRun(config, store, models, person, randomSeed, clock, announcer).workflow().run();
                }
            });
            out.println(StopMessage.describe(end, configFile, stateFile));
            return ExitCodes.OK;
        }
    }

    /** True when this start is the second annotator's: verification is on and --annotator names its annotator. */
    private boolean isVerifier(SoloConfig config) {
        return config.solo().verification().enabled() && config.solo().verification().annotator().equals(annotatorName);
    }

    /** The second annotator labels the verification sample; the workflow does not move. */
    private int verify(SoloConfig config, SqliteStore store, Optional<GoldLabels> gold, PrintWriter out) throws Exception {
        Optional<Long> seed = store.workflow().randomSeed();
        if (seed.isEmpty() || store.humans().labeledItemCount() == 0) {
            out.println("Nothing to verify yet: the verification sample is drawn from the human labels, and there are none. "
                    + "Run solo start " + configFile + " first.");
            return ExitCodes.OK;
        }
        VerificationSession session = new VerificationSession(config, store, seed.get(), Clock.systemUTC());
        VerificationSession.Result result = withPerson(gold, out, (person, announcer) -> person.isPresent()
                ? session.run(person.get()) : new VerificationSession.Result(0, session.sampledItems().size(), false));
        out.println(String.format(Locale.ROOT, "Verification by %s: %,d labeled now; %,d of the sample left. solo verify "
                + "--config %s shows the agreement.", annotatorName, result.answered(), result.remaining(), configFile));
        return ExitCodes.OK;
    }

    /** A run given the person (empty: nobody, stop when one is needed) and where its notices go. */
    @FunctionalInterface
    private interface Sitting<T> {
        T run(Optional<Annotator> person, Consumer<String> announcer) throws Exception;
    }

    /** Runs with the person this start has: the oracle, nobody, the full-screen terminal, or lines on stdin. */
    private <T> T withPerson(Optional<GoldLabels> gold, PrintWriter out, Sitting<T> sitting) throws Exception {
        Consumer<String> printNow = line -> {
            out.println(line);
            out.flush();
        };
        if (gold.isPresent()) {
            return sitting.run(Optional.of(new OracleAnnotator(gold.get(), approve != null ? approve
                    : ApprovalPolicy.NONE)), printNow);
        }
        if (nonInteractive) {
            return sitting.run(Optional.empty(), printNow);
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
            return sitting.run(Optional.of(lines), printNow);
        }
        List<String> announcements = new ArrayList<>();
        try (terminal; TerminalAnnotator screen = new TerminalAnnotator(terminal, name)) {
            return sitting.run(Optional.of(screen), message -> {
                announcements.add(message);
                screen.announce(message);
            });
        } finally {
            announcements.forEach(out::println);
        }
    }
}
