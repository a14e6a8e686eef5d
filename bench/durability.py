"""kill -9 at random moments, then start again, until the workflow completes; the export must equal an
uninterrupted run's with the same seed, and no human label may be lost or given twice.

Usage (from the repository root): bench/durability [--kills 10] [--seed 7] [--items 600]
"""
import argparse, json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOLO = os.path.join(REPO, "solo")


def task(work, name, items):
    folder = os.path.join(work, name)
    os.makedirs(os.path.join(folder, "data"))
    example = os.path.join(REPO, "examples", "reviews")
    with open(os.path.join(example, "data", "reviews.jsonl")) as source, \
            open(os.path.join(folder, "data", "reviews.jsonl"), "w") as target:
        for number, line in enumerate(source):
            if number < items:
                target.write(line)
    shutil.copy(os.path.join(example, "gold.jsonl"), folder)
    shutil.copy(os.path.join(example, "config.yaml"), folder)
    return os.path.join(folder, "config.yaml")


def start(config, seed):
    return subprocess.Popen([SOLO, "start", config, "--oracle", os.path.join(os.path.dirname(config), "gold.jsonl"),
                             "--seed", str(seed), "--approve", "all"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:110] if lines else "(nothing printed)"


def export(config, name):
    output = os.path.join(os.path.dirname(config), name)
    done = subprocess.run([SOLO, "export", "--config", config, "--output", output, "--provenance", "--force"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"export failed: {done.stderr.strip()}")
    # Timestamps are the only fields two runs may differ in.
    return [{k: v for k, v in json.loads(line).items() if k != "timestamp"} for line in open(output)]


def human_labels(config):
    db = sqlite3.connect(os.path.join(os.path.dirname(config), ".solo", "state.db"))
    total, distinct = db.execute("SELECT count(*), count(DISTINCT item_id) FROM human_labels_in_force").fetchone()
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    return total, distinct, integrity


def main():
    parser = argparse.ArgumentParser(prog="bench/durability", description="kill -9 the oracle workflow at random "
                                     "moments and restart it; the export must equal an uninterrupted run's.")
    parser.add_argument("--kills", type=int, default=10, help="kills before the run may finish (default 10)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the runs and of the kill moments (default 7)")
    parser.add_argument("--items", type=int, default=600, help="items of examples/reviews to label (default 600)")
    args = parser.parse_args()
    kills, seed, items = args.kills, args.seed, args.items
    work = tempfile.mkdtemp(prefix="solo-durability-")
    subprocess.run([SOLO, "--version"], capture_output=True)

    clean = task(work, "uninterrupted", items)
    began = time.time()
    run = start(clean, seed)
    out, _ = run.communicate()
    wall = time.time() - began
    if run.returncode != 0:
        sys.exit(f"the uninterrupted run failed: {last_line(out)}")
    print(f"uninterrupted run: {wall:.0f} s; {last_line(out)}")

    killed = task(work, "killed", items)
    rng = random.Random(seed)
    hits = []
    for kill in range(kills):
        run = start(killed, seed)
        time.sleep(rng.uniform(0.5, max(1.0, wall / 3)))
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        out, _ = run.communicate()
        hits.append(last_line(out))
        print(f"kill {kill + 1:2}: {hits[-1]}", flush=True)
    run = start(killed, seed)
    out, _ = run.communicate()
    if run.returncode != 0:
        sys.exit(f"the run after the kills failed: {last_line(out)}")

    a, b = export(clean, "labels.jsonl"), export(killed, "labels.jsonl")
    same = a == b
    total, distinct, integrity = human_labels(killed)
    clean_total, _, _ = human_labels(clean)
    print(f"exports: {len(a)} and {len(b)} lines, {'identical' if same else 'DIFFERENT'} apart from timestamps")
    print(f"human labels in force: {total} on {distinct} items ({'none given twice' if total == distinct else 'DUPLICATES'}); "
          f"uninterrupted run: {clean_total}")
    print(f"state file integrity: {integrity}")
    ok = same and total == distinct == clean_total and integrity == "ok"
    print(("PASS" if ok else "FAIL") + f" after {kills} kills; tasks kept in {work}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
