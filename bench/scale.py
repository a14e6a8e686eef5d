"""solo at scale: sst2's texts resampled to N items with unique ids, through the real CLI.

Usage (from anywhere): bench/scale [--sizes 10000,100000,1000000] [--model all-MiniLM-L6-v2] [--batches 6]
                                   [--cli-embed-max 10000] [--heap-size N] [--keep]

Per size: import (`solo start --non-interactive`), embedding throughput against a bare ONNX Runtime loop over
the same texts in the same run, the oracle workflow up to the end of phase 6's first round (`solo start --oracle
--seed 7`, stopped there with SIGTERM: the state is durable), then `status`, `status --json` and `export`
(JSONL alone, then JSONL + Parquet), the state file's size and each process's peak RSS (/usr/bin/time -v).
Above --cli-embed-max items the CLI does not embed: the unique texts are embedded once by solo's own code
path and their vectors are written into the task's `embeddings` table for every resampled copy (the output
says so). Writes bench/out/scale.csv, bench/out/scale.json and each run's timestamped output under
bench/out/logs/. Temporary tasks live in one folder under $TMPDIR that is removed at the end (--keep keeps it).
"""
import argparse, csv, json, os, random, re, shutil, signal, sqlite3, statistics, subprocess, sys, tempfile, threading, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOLO = os.path.join(REPO, "solo")
OUT = os.path.join(REPO, "bench", "out")
SST2 = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "sst2", "data.jsonl"))
if not os.path.exists(SST2):
    SST2 = "/work/shared/data/sst2/data.jsonl"
TIME = "/usr/bin/time"
GiB = 1024 ** 3


def sizes(text):
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma-separated list of item counts")


def arguments():
    parser = argparse.ArgumentParser(prog="bench/scale", description="solo at scale: sst2's texts resampled to N "
                                     "items with unique ids, through the real CLI (see bench/scale.py's docstring).")
    parser.add_argument("--sizes", type=sizes, default=[10000, 100000, 1000000], help="comma-separated item counts")
    parser.add_argument("--model", default="all-MiniLM-L6-v2", help="embedding model (default all-MiniLM-L6-v2)")
    parser.add_argument("--batches", type=int, default=6, help="phase 6 batches to time (default 6)")
    parser.add_argument("--cli-embed-max", type=int, default=10000,
                        help="above this size the vectors are computed once and stored (default 10000)")
    parser.add_argument("--heap-size", type=int, default=1000000,
                        help="from this size on, status and export are also timed with SOLO_JAVA_OPTS=-Xmx3g and part by part (default 1000000)")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds per solo command (default 3600)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary tasks")
    parser.add_argument("--report", action="store_true", help="print the table again from bench/out/scale.json")
    return vars(parser.parse_args())


# ---------------------------------------------------------------- processes

def descendants(pid):
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                for child in f.read().split():
                    found.append(int(child))
                    found.extend(descendants(int(child)))
    except OSError:
        pass
    return found


def hwm_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd, log_name, env_extra=None, stop_on=None, timeout=None):
    """Runs cmd under /usr/bin/time -v (when present), timestamping every output line. Stops the JVM with
    SIGTERM when a line contains stop_on (or at timeout). Returns wall seconds, peak RSS in KiB, lines
    [(seconds since launch, text)], exit code and whether it was stopped."""
    env = dict(os.environ, **(env_extra or {}))
    timing = tempfile.NamedTemporaryFile(prefix="solo-scale-time-", delete=False).name
    full = ([TIME, "-v", "-o", timing] if os.path.exists(TIME) else []) + cmd
    began = time.monotonic()
    proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            start_new_session=True, bufsize=1)
    polled = {"kib": 0}
    done = threading.Event()
    stopped = {"yes": False}

    def stop():
        stopped["yes"] = True
        for pid in reversed(descendants(proc.pid)):  # the JVM is the deepest process
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass
        if not descendants(proc.pid):
            proc.terminate()

    def watch():  # fallback peak RSS from /proc, and the timeout
        while not done.wait(0.2):
            for pid in [proc.pid] + descendants(proc.pid):
                polled["kib"] = max(polled["kib"], hwm_kib(pid))
            if timeout and time.monotonic() - began > timeout and not stopped["yes"]:
                stop()
    threading.Thread(target=watch, daemon=True).start()
    lines = []
    os.makedirs(os.path.join(OUT, "logs"), exist_ok=True)
    try:
        return collect(proc, cmd, env_extra, log_name, lines, began, stop_on, stop, stopped, done, timing, polled)
    except BaseException:
        # Interrupted: the JVM runs in a session of its own, so it is stopped here, not left writing into a
        # folder the bench is about to remove.
        for pid in [proc.pid] + descendants(proc.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        proc.wait()
        if os.path.exists(timing):
            os.unlink(timing)
        raise


def collect(proc, cmd, env_extra, log_name, lines, began, stop_on, stop, stopped, done, timing, polled):
    with open(os.path.join(OUT, "logs", log_name + ".log"), "w") as log:
        log.write("$ " + " ".join(cmd) + (f"   [{env_extra}]" if env_extra else "") + "\n")
        for line in proc.stdout:
            t = time.monotonic() - began
            lines.append((t, line.rstrip("\n")))
            log.write(f"{t:9.3f} {line}")
            log.flush()
            if stop_on and stop_on in line and not stopped["yes"]:
                stop()
                killer = threading.Timer(20, lambda: [os.kill(p, signal.SIGKILL) for p in descendants(proc.pid)])
                killer.daemon = True
                killer.start()
        code = proc.wait()
        wall = time.monotonic() - began
        done.set()
        rss, cpu = 0, None
        if os.path.exists(timing):
            text = open(timing).read()
            match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
            rss = int(match.group(1)) if match else 0
            cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text)) or None
            os.unlink(timing)
            log.write(text)
        rss = rss or polled["kib"]
        log.write(f"wall {wall:.3f} s, peak RSS {rss} KiB, exit {code}\n")
    return {"wall": wall, "rss_kib": rss, "cpu": cpu, "lines": lines, "code": code, "stopped": stopped["yes"]}


def checked(result, what):
    if result["code"] != 0 and not result["stopped"]:
        tail = "\n".join(text for _, text in result["lines"][-5:])
        sys.exit(f"{what} failed (exit {result['code']}):\n{tail}")
    return result


# ---------------------------------------------------------------- tasks

def make_task(folder, rows, count, model):
    os.makedirs(os.path.join(folder, "data"))
    rng = random.Random(count)
    used = set()
    with open(os.path.join(folder, "data", "items.jsonl"), "w") as data, \
            open(os.path.join(folder, "gold.jsonl"), "w") as gold:
        for i in range(count):
            r = rows[rng.randrange(len(rows))]
            used.add(r["id"])
            item = f"{r['id']}-{i}"
            data.write(json.dumps({"id": item, "text": r["text"]}) + "\n")
            gold.write(json.dumps({"id": item, "label": r["label"]}) + "\n")
    labels = sorted({r["label"] for r in rows})
    config = open(os.path.join(REPO, "examples", "reviews", "config.yaml")).read()
    config = config.replace('"data/reviews.jsonl"', '"data/items.jsonl"')
    config = re.sub(r'embedding_model: "[^"]+"', f'embedding_model: "{model}"', config)
    # Random seeds: the import run then stops for the person without embedding anything, so the vectors of
    # the large sizes can be written before the workflow needs them (diversity seeds embed a sample first).
    config = config.replace("selection: diversity ", "selection: random    ")
    start, end = config.index("    labels:\n"), config.index("    label_requirement")
    config = config[:start] + "    labels:\n" + "".join(f'      - "{l}"\n' for l in labels) + config[end:]
    open(os.path.join(folder, "config.yaml"), "w").write(config)
    jsonl_only = config.replace("parquet_export:\n  enabled: true", "parquet_export:\n  enabled: false")
    assert jsonl_only != config
    open(os.path.join(folder, "config-jsonl.yaml"), "w").write(jsonl_only)
    return used


def java_class_path():
    return f"{REPO}/bench/target/classes:{REPO}/cli/target/solo.jar"


def embedding_bench(model, data, store_dir, log_name, bare_only=False):
    cmd = ["java", "-Xmx1g", "-cp", java_class_path(), "dev.solo.embed.ScaleEmbedding", model, data, store_dir]
    if bare_only:
        cmd.append("bare")
    result = checked(run(cmd, log_name), "the embedding bench")
    for _, text in result["lines"]:
        if text.startswith("{"):
            return json.loads(text), result
    sys.exit("the embedding bench printed no result")


def copy_vectors(task_db, unique_db, model):
    """Writes, for every item of the task, the vector of the unique text it is a copy of, in solo's format
    (embeddings(model, item_id, scale, vector int8 blob)): the vectors solo's own code path computed."""
    con = sqlite3.connect(task_db, timeout=60)
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("ATTACH DATABASE ? AS u", (unique_db,))
    con.execute("""CREATE TEMP TABLE vec AS SELECT i.text AS text, e.scale AS scale, e.vector AS vector
                   FROM u.items i JOIN u.embeddings e ON e.item_id = i.id AND e.model = ?""", (model,))
    con.execute("CREATE INDEX temp.vec_text ON vec(text)")
    with con:
        con.execute("""INSERT OR IGNORE INTO embeddings(model, item_id, scale, vector)
                       SELECT ?, i.id, v.scale, v.vector FROM items i JOIN vec v ON v.text = i.text
                       ORDER BY i.id""", (model,))
    items, vectors = con.execute("SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM embeddings "
                                 "WHERE model = ?)", (model,)).fetchone()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    if items != vectors:
        sys.exit(f"copied vectors for {vectors} of {items} items")
    return items


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def phase6(task_db):
    """Batches of phase 6's first round from human_events.created_at, joined to the queue for batch numbers."""
    con = sqlite3.connect(f"file:{task_db}?mode=ro", uri=True)
    rnd = con.execute("SELECT min(round) FROM human_events WHERE phase = 6").fetchone()[0]
    if rnd is None:
        return None
    rows = con.execute("""SELECT q.batch, e.created_at FROM human_events e
                          JOIN queued_items q ON q.phase = e.phase AND q.round = e.round AND q.item_id = e.item_id
                          WHERE e.phase = 6 AND e.round = ? AND e.kind = 'label' ORDER BY e.seq""", (rnd,)).fetchall()
    entered = con.execute("SELECT max(at) FROM phase_log WHERE to_phase = 6 AND round <= ?", (rnd,)).fetchone()[0]
    con.close()
    batches = {}
    for batch, at in rows:
        batches.setdefault(batch, []).append(at)
    within, boundary, periods = [], [], []
    previous_end = None
    for b in sorted(batches):
        ats = batches[b]
        within += [b2 - a for a, b2 in zip(ats, ats[1:])]
        if previous_end is not None:
            boundary.append(ats[0] - previous_end)
            periods.append(ats[-1] - previous_end)
        previous_end = ats[-1]
    first = batches[min(batches)][0] if batches else None
    every = within + boundary
    return {"batches": len(batches), "labels": len(rows),
            "entry_s": (first - entered) / 1000 if first and entered else None,
            "batch_s_mean": statistics.mean(periods) / 1000 if periods else None,
            "batch_s_max": max(periods) / 1000 if periods else None,
            "boundary_ms_p50": percentile(boundary, 50), "boundary_ms_max": max(boundary) if boundary else None,
            "next_ms_p50": percentile(within, 50), "next_ms_p99": percentile(within, 99),
            "next_all_ms_p50": percentile(every, 50), "next_all_ms_p99": percentile(every, 99),
            "next_all_ms_max": max(every) if every else None}


def phase_times(lines):
    """Seconds since launch at which each phase finished, from the start command's output."""
    ends = {}
    for t, text in lines:
        m = re.match(r"Phase (\d+) \(.*?\) finished", text)
        if m and m.group(1) not in ends:
            ends[m.group(1)] = round(t, 1)
    return ends


def size_of(path):
    return sum(os.path.getsize(path + ext) for ext in ("", "-wal") if os.path.exists(path + ext))


def measure(size, rows, work, args, unique_cache):
    model, batches = args["model"], args["batches"]
    folder = os.path.join(work, f"task-{size}")
    config, config_jsonl = os.path.join(folder, "config.yaml"), os.path.join(folder, "config-jsonl.yaml")
    gold = os.path.join(folder, "gold.jsonl")
    db = os.path.join(folder, ".solo", "state.db")
    used = make_task(folder, rows, size, model)
    for path in (config, config_jsonl):
        with open(path) as f:
            text = re.sub(r"max_batches: \d+", f"max_batches: {batches}", f.read())
        with open(path, "w") as f:
            f.write(text)
    r = {"items": size, "model": model, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    print(f"[{size:,}] import", flush=True)
    imp = checked(run([SOLO, "start", config, "--non-interactive", "--seed", "7"], f"{size}-import"), "import")
    r["import_s"] = next((round(t, 2) for t, text in imp["lines"] if text.startswith("Imported")), None)
    r["import_process_s"] = round(imp["wall"], 2)
    r["import_rss_mib"] = imp["rss_kib"] // 1024
    r["import_cpu_s"] = imp["cpu"]
    cli_embeds = size <= args["cli_embed_max"]
    if not cli_embeds:
        if model not in unique_cache:
            unique = os.path.join(work, "unique.jsonl")
            with open(unique, "w") as f:
                for row in rows:
                    f.write(json.dumps({"id": row["id"], "text": row["text"]}) + "\n")
            print(f"[{size:,}] embedding the {len(rows):,} unique texts once (solo's path, then a bare loop)", flush=True)
            store = os.path.join(work, "unique-store")
            result, proc = embedding_bench(model, unique, store, f"{size}-unique-embedding")
            unique_cache[model] = (result, os.path.join(store, "state.db"))
        result, unique_db = unique_cache[model]
        print(f"[{size:,}] copying vectors into the task", flush=True)
        began = time.monotonic()
        copy_vectors(db, unique_db, model)
        r["vectors_copied_s"] = round(time.monotonic() - began, 1)
        r["embedding"] = (f"NOT by the CLI: the {result['items']:,} unique texts embedded once by solo's code path "
                          f"(ItemEmbeddings), vectors copied to all {size:,} items")
        r["embed_items"] = result["items"]
        r["embed_solo_per_s"] = round(result["items"] / result["solo_s"], 1)
    print(f"[{size:,}] oracle workflow to the end of phase 6's first round", flush=True)
    start = [SOLO, "start", config, "--oracle", gold, "--seed", "7"]
    wf = run(start, f"{size}-start", stop_on="Phase 6 (Active Labeling) finished", timeout=args["timeout"])
    r["workflow_s"] = round(wf["wall"], 1)
    r["workflow_rss_mib"] = wf["rss_kib"] // 1024
    r["workflow_cpu_s"] = wf["cpu"]
    r["workflow_stopped"] = "at phase 6's end" if wf["stopped"] else f"exit {wf['code']}"
    r["phase_ends_s"] = phase_times(wf["lines"])
    if wf["code"] != 0 and not wf["stopped"]:
        # Recorded, then resumed from the durable state with a larger heap so the later steps have a task.
        failure = [text for _, text in wf["lines"] if re.search(r"(Exception|Error)\b", text)]
        where = [text.strip() for _, text in wf["lines"] if text.strip().startswith("at dev.solo")][:3]
        r["workflow_error"] = " | ".join((failure[:1] or [wf["lines"][-1][1]]) + where)[:400]
        print(f"[{size:,}] solo start failed ({r['workflow_error']}); resuming with SOLO_JAVA_OPTS=-Xmx3g", flush=True)
        wf2 = checked(run(start, f"{size}-start-resumed-3g", {"SOLO_JAVA_OPTS": "-Xmx3g"},
                          stop_on="Phase 6 (Active Labeling) finished", timeout=args["timeout"]), "solo start (resumed)")
        r["workflow_resumed_3g_s"], r["workflow_resumed_3g_rss_mib"] = round(wf2["wall"], 1), wf2["rss_kib"] // 1024
        r["workflow_resumed_3g_cpu_s"] = wf2["cpu"]
        r["phase_ends_resumed_s"] = phase_times(wf2["lines"])
    if cli_embeds:
        # Background embedding prints no summary: it starts with the seeds (phase 1, the oracle answers at once)
        # and phase 2 waits for it, so phase 1's end to phase 2's end is the embedding plus calibration's
        # training on 40 labels and labeling 200 items (under a second at 10,000 items).
        ends = dict((k, v) for k, v in r["phase_ends_s"].items())
        count, seconds = size, (ends["2"] - ends["1"]) if "1" in ends and "2" in ends else None
        print(f"[{size:,}] bare ONNX Runtime loop over the same {size:,} texts", flush=True)
        result, _ = embedding_bench(model, os.path.join(folder, "data", "items.jsonl"), "", f"{size}-bare", bare_only=True)
        result["solo_s"] = seconds
        r["embedding"] = (f"by the CLI: {count:,} items, phase 1's end to phase 2's end of solo start "
                          f"(embedding + calibration)")
        r["embed_items"] = count
        r["embed_solo_per_s"] = round(count / seconds, 1) if seconds else None
    r["embed_bare_per_s"] = round(result["items"] / result["bare_s"], 1)
    r["embed_ort_only_per_s"] = round(result["items"] / result["ort_s"], 1)
    r["embed_ratio_solo_to_bare"] = round(r["embed_solo_per_s"] / r["embed_bare_per_s"], 3) if r["embed_solo_per_s"] else None
    r["embed_share_outside_ort"] = round(1 - result["ort_s"] / result["solo_s"], 3) if result["solo_s"] else None
    r.update(phase6(db) or {})
    print(f"[{size:,}] status, export", flush=True)
    for name, cmd in (("status", [SOLO, "status", "--config", config]),
                      ("status_json", [SOLO, "status", "--config", config, "--json"])):
        runs = [checked(run(cmd, f"{size}-{name}-{i}"), name) for i in range(3)]
        r[f"{name}_s"] = round(statistics.median(x["wall"] for x in runs), 3)
        r[f"{name}_rss_mib"] = max(x["rss_kib"] for x in runs) // 1024
        r[f"{name}_cpu_s"] = statistics.median(x["cpu"] or 0 for x in runs)
    out_jsonl = os.path.join(folder, "labels.jsonl")
    ex = checked(run([SOLO, "export", "--config", config_jsonl, "--output", out_jsonl, "--force"], f"{size}-export-jsonl"),
                 "export")
    r["export_jsonl_s"], r["export_jsonl_rss_mib"], r["export_jsonl_cpu_s"] = round(ex["wall"], 2), ex["rss_kib"] // 1024, ex["cpu"]
    ex = checked(run([SOLO, "export", "--config", config, "--output", out_jsonl, "--force"], f"{size}-export-parquet"),
                 "export")
    r["export_both_s"], r["export_both_rss_mib"], r["export_both_cpu_s"] = round(ex["wall"], 2), ex["rss_kib"] // 1024, ex["cpu"]
    r["parquet_s"] = round(r["export_both_s"] - r["export_jsonl_s"], 2)
    parquet = os.path.join(folder, "output", "parquet", "annotations.parquet")
    r["export_lines"] = sum(1 for _ in open(out_jsonl))
    r["parquet_mib"] = round(os.path.getsize(parquet) / 2 ** 20, 1) if os.path.exists(parquet) else None
    r["state_mib"] = round(size_of(db) / 2 ** 20, 1)
    if size >= args["heap_size"]:
        print(f"[{size:,}] the same steps with SOLO_JAVA_OPTS=-Xmx3g", flush=True)
        big = {"SOLO_JAVA_OPTS": "-Xmx3g"}
        st = checked(run([SOLO, "status", "--config", config, "--json"], f"{size}-status-json-3g", big), "status")
        ex = checked(run([SOLO, "export", "--config", config, "--output", out_jsonl, "--force"], f"{size}-export-3g", big),
                     "export")
        r["xmx3g_status_json_s"], r["xmx3g_status_json_rss_mib"] = round(st["wall"], 3), st["rss_kib"] // 1024
        r["xmx3g_export_both_s"], r["xmx3g_export_both_rss_mib"] = round(ex["wall"], 2), ex["rss_kib"] // 1024
    if size >= args["heap_size"]:
        # Where status and export spend their time: each store call timed on its own (SCALE.md quotes these).
        print(f"[{size:,}] status and export, part by part", flush=True)
        for name, cls, extra in (("status_parts", "dev.solo.bench.StatusParts", []),
                                 ("export_parts", "dev.solo.bench.ExportParts", [os.path.join(folder, "parts")])):
            parts = checked(run(["java", "-Xmx1g", "-cp", java_class_path(), cls, config] + extra, f"{size}-{name}"), name)
            r[name] = [text.strip() for _, text in parts["lines"] if re.match(r"\s*[\d.]+ s  ", text)]
    r["peak_rss_mib"] = default_peak_rss_mib(r)
    if not args["keep"]:
        shutil.rmtree(folder, ignore_errors=True)
    return r


# ---------------------------------------------------------------- report

ROWS = [
    ("import: solo start to 'Imported' line (s)", "import_s"),
    ("import process incl. random seeds (s)", "import_process_s"),
    ("  its CPU time, user+sys (s)", "import_cpu_s"),
    ("embedding: how", "embedding"),
    ("embedding: items", "embed_items"),
    ("embedding: solo items/s", "embed_solo_per_s"),
    ("embedding: bare ORT loop items/s", "embed_bare_per_s"),
    ("embedding: inside session.run items/s", "embed_ort_only_per_s"),
    ("embedding: solo / bare ratio", "embed_ratio_solo_to_bare"),
    ("embedding: share of solo's time outside ORT", "embed_share_outside_ort"),
    ("vectors copied into the task (s)", "vectors_copied_s"),
    ("oracle start to phase 6's end or its failure (s)", "workflow_s"),
    ("  its CPU time, user+sys (s)", "workflow_cpu_s"),
] + [(f"  phase {p} finished at (s since launch)", f"end{p}") for p in range(1, 7)] + [
    ("  default launcher's start failed with", "workflow_error"),
    ("  resumed with -Xmx3g: s / peak RSS MiB", "resumed"),
    ("  its CPU time, user+sys (s)", "workflow_resumed_3g_cpu_s"),
    ("  resumed: phase 5 / 6 finished at (s)", "resumed_ends"),
    ("phase 6: batches / labels", "batches_labels"),
    ("phase 6: entry to first item (s)", "entry_s"),
    ("batch time mean / max (s)", "batch_mean_max"),
    ("batch boundary wait p50 / max (ms)", "boundary_p50_max"),
    ("next item within batch p50 / p99 (ms)", "next_p50_p99"),
    ("next item incl. boundaries p50 / p99 / max (ms)", "next_all"),
    ("status --config (s, median of 3)", "status_s"),
    ("  its CPU time, user+sys (s)", "status_cpu_s"),
    ("status --json (s, median of 3)", "status_json_s"),
    ("  its CPU time, user+sys (s)", "status_json_cpu_s"),
    ("export JSONL only (s)", "export_jsonl_s"),
    ("  its CPU time, user+sys (s)", "export_jsonl_cpu_s"),
    ("export JSONL + Parquet (s)", "export_both_s"),
    ("  its CPU time, user+sys (s)", "export_both_cpu_s"),
    ("Parquet part (difference, s)", "parquet_s"),
    ("exported lines / parquet MiB", "export_sizes"),
    ("state.db (+wal) MiB", "state_mib"),
    ("peak RSS MiB: import / start / status / status --json", "rss_1"),
    ("peak RSS MiB: export JSONL / export both", "rss_2"),
    ("-Xmx3g: status --json s / RSS MiB", "xmx_status"),
    ("-Xmx3g: export both s / RSS MiB", "xmx_export"),
]


def cell(r, key):
    f = lambda v, fmt="{}": "-" if v is None else fmt.format(v)
    derived = {
        "batches_labels": f"{r.get('batches', '-')} / {r.get('labels', '-')}",
        "batch_mean_max": f"{f(r.get('batch_s_mean'), '{:.2f}')} / {f(r.get('batch_s_max'), '{:.2f}')}",
        "boundary_p50_max": f"{f(r.get('boundary_ms_p50'), '{:.0f}')} / {f(r.get('boundary_ms_max'))}",
        "next_p50_p99": f"{f(r.get('next_ms_p50'), '{:.0f}')} / {f(r.get('next_ms_p99'), '{:.0f}')}",
        "next_all": f"{f(r.get('next_all_ms_p50'), '{:.0f}')} / {f(r.get('next_all_ms_p99'), '{:.0f}')} / "
                    f"{f(r.get('next_all_ms_max'))}",
        "export_sizes": f"{r.get('export_lines', '-'):,} / {f(r.get('parquet_mib'))}",
        "rss_1": f"{r.get('import_rss_mib')} / {r.get('workflow_rss_mib')} / {r.get('status_rss_mib')} / "
                 f"{r.get('status_json_rss_mib')}",
        "rss_2": f"{r.get('export_jsonl_rss_mib')} / {r.get('export_both_rss_mib')}",
        "xmx_status": f"{f(r.get('xmx3g_status_json_s'))} / {f(r.get('xmx3g_status_json_rss_mib'))}",
        "xmx_export": f"{f(r.get('xmx3g_export_both_s'))} / {f(r.get('xmx3g_export_both_rss_mib'))}",
        **{f"end{p}": f((r.get("phase_ends_s") or {}).get(str(p))) for p in range(1, 7)},
        "resumed_ends": " / ".join(f((r.get("phase_ends_resumed_s") or {}).get(p)) for p in ("5", "6")),
        "resumed": f"{f(r.get('workflow_resumed_3g_s'))} / {f(r.get('workflow_resumed_3g_rss_mib'))}",
        "workflow_error": (re.findall(r"\w+(?:Error|Exception)\b", r.get("workflow_error") or "") or ["-"])[0],
    }
    if key in derived:
        return derived[key]
    v = r.get(key)
    if key.endswith("_cpu_s") and v is not None:
        return f"{v:.1f}"
    return "-" if v is None else (f"{v:,}" if isinstance(v, int) else str(v))


def default_peak_rss_mib(r):
    """The largest peak RSS among the processes run with the default launcher (the -Xmx3g runs apart)."""
    return max(v for k, v in r.items() if k.endswith("_rss_mib") and "3g" not in k and k != "peak_rss_mib")


def targets(r):
    status = max(r["status_s"], r["status_json_s"])
    checks = [("next-item p99 < 50 ms (incl. batch boundaries)", r.get("next_all_ms_p99"), 50, "ms"),
              ("next-item p99 < 50 ms (within batches)", r.get("next_ms_p99"), 50, "ms"),
              ("status < 0.5 s (slower of --config and --json)", status, 0.5, "s"),
              (f"{r['items']:,} rows to Parquet < 15 s (JSONL+Parquet export minus JSONL-only)", r["parquet_s"], 15, "s"),
              (f"{r['items']:,} rows, whole export command < 15 s", r["export_both_s"], 15, "s"),
              ("peak RSS < 1.5 GB (every process, default launcher)", default_peak_rss_mib(r) * 2 ** 20 / 1e9, 1.5, "GB")]
    found = [(name, value, limit, unit, value is not None and value < limit) for name, value, limit, unit in checks]
    if r.get("workflow_error"):
        found.append(("solo start runs through phase 6 under the default launcher (-Xmx1g): "
                      + cell(r, "workflow_error"), None, None, "", False))
    if r.get("workflow_resumed_3g_rss_mib"):
        found.append(("peak RSS < 1.5 GB for solo start with -Xmx3g (the only way through at this size)",
                      r["workflow_resumed_3g_rss_mib"] * 2 ** 20 / 1e9, 1.5, "GB",
                      r["workflow_resumed_3g_rss_mib"] * 2 ** 20 / 1e9 < 1.5))
    return found


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that the temporary folder is removed
    opts = arguments()
    if opts.pop("report"):  # the table again from bench/out/scale.json, nothing run
        if not os.path.exists(os.path.join(OUT, "scale.json")):
            sys.exit(f"bench/scale: {os.path.join(OUT, 'scale.json')} does not exist yet: run bench/scale first")
        saved = json.load(open(os.path.join(OUT, "scale.json")))
        report(saved["results"], saved["meta"]["options"])
        return
    # Built only when a source is newer than the jar or the bench class: rewriting the jar under a running
    # solo (another size of this bench, say) would break it.
    jar, bench_class = os.path.join(REPO, "cli", "target", "solo.jar"), os.path.join(
        REPO, "bench", "target", "classes", "dev", "solo", "embed", "ScaleEmbedding.class")
    oldest = min(os.path.getmtime(p) if os.path.exists(p) else 0 for p in (jar, bench_class))
    stale = subprocess.run(["find", "pom.xml", "core", "phases", "cli", "bench/src", "bench/pom.xml", "-newermt",
                            f"@{oldest}", "(", "-name", "*.java", "-o", "-name", "pom.xml", "-o", "-path",
                            "*/src/main/resources/*", ")", "-print", "-quit"], cwd=REPO, capture_output=True,
                           text=True).stdout.strip()
    if stale or not oldest:
        print("building (mvn -o package) ...", flush=True)
        subprocess.run(["mvn", "-o", "-q", "-B", "-DskipTests", "package"], cwd=REPO, check=True)
    subprocess.run([SOLO, "--version"], capture_output=True, check=True)  # class-data archive for this jar
    subprocess.run([SOLO, "--version"], capture_output=True, check=True)
    rows = [json.loads(line) for line in open(SST2)]
    work = tempfile.mkdtemp(prefix="solo-scale-")
    free = shutil.disk_usage(work).free
    need = sum(s * 1600 for s in opts["sizes"])  # ~1.6 KB per item: data, gold, state, exports
    if free < need:
        sys.exit(f"{free / GiB:.1f} GiB free under {work}, about {need / GiB:.1f} GiB needed")
    results = []
    try:
        unique_cache = {}
        for size in opts["sizes"]:
            results.append(measure(size, rows, work, opts, unique_cache))
            write(results, opts)
            report(results, opts)
    finally:
        if opts["keep"]:
            print(f"tasks kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def write(results, opts):
    os.makedirs(OUT, exist_ok=True)
    meta = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "nproc": os.cpu_count(),
            "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                     text=True).stdout.strip(), "options": opts}
    # Sizes measured by an earlier invocation stay in the files (each result has its date); a size measured
    # again replaces its earlier result.
    path = os.path.join(OUT, "scale.json")
    earlier = json.load(open(path))["results"] if os.path.exists(path) else []
    sizes = {r["items"] for r in results}
    results[:] = sorted([r for r in earlier if r["items"] not in sizes] + results, key=lambda r: r["items"])
    json.dump({"meta": meta, "results": results}, open(path, "w"), indent=1)
    keys = sorted({k for r in results for k in r})
    with open(os.path.join(OUT, "scale.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=keys)
        w.writeheader()
        for r in results:
            w.writerow({k: json.dumps(v) if isinstance(v, dict) else v for k, v in r.items()})


def report(results, opts):
    width, column = 52, 22
    head = f"{'':{width}}" + "".join(f"{r['items']:>{column},}" for r in results)
    print()
    print(head)
    for label, key in ROWS:
        cells = [cell(r, key) for r in results]
        if key in ("embedding",):
            for r, c in zip(results, cells):
                print(f"{label + ' @' + format(r['items'], ','):{width}} {c}")
            continue
        print(f"{label:{width}}" + "".join(f"{c:>{column}}" for c in cells))
    for r in results:
        for name in ("status_parts", "export_parts"):
            if r.get(name):
                print(f"\n{name.replace('_', ' ')} at {r['items']:,} items:")
                for line in r[name]:
                    print("  " + line)
    largest = results[-1]
    print(f"\nTargets at {largest['items']:,} items:")
    for name, value, limit, unit, met in targets(largest):
        shown = "" if value is None else f": {value:.3g} {unit}"
        shown += f" ({value / limit:.1f}x the limit)" if value is not None and not met else ""
        print(f"  {'met   ' if met else 'MISSED'} {name}{shown}")
    print(f"\nwritten: {os.path.join(OUT, 'scale.csv')}, {os.path.join(OUT, 'scale.json')}, logs in {os.path.join(OUT, 'logs')}")


if __name__ == "__main__":
    main()
