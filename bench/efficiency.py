"""The workflow with the oracle on gold-labeled data, beside honest baselines run with the same labeler and
the same number of human labels.

Usage (from the repository root): bench/efficiency [DATASET ...] [--seeds 7,8,9] [--target 0.90 | --targets 0.93,0.90]
    [--draws 5] [--work DIR]
DATASET is a folder of ../shared/data-like layout: data.jsonl with {"id","text","label"} lines (default: the four
of ../shared/data). Each dataset is labeled by the example's configuration (examples/reviews/config.yaml: the
embedded local labeler on e5-small-v2, 50 diversity seeds) with its labels, `accuracy_threshold` and
`final_validation.min_accuracy` both set to the target, and `solo start CONFIG --oracle GOLD --seed S --approve all`.

Per dataset, seed and target, against the gold labels:
  solo         human labels (count and share of the N items), true accuracy of the exported dataset (human labels
               counted right, as solo counts them) and of its machine labels alone, solo's own final estimate with
               its 95% interval and whether it covers the truth, wall time of `solo start`.
  random       the labeler trained on as many gold labels, drawn uniformly at random, as solo's human labels; the
               dataset scored the same way (those labels right, the model's on the rest); mean over --draws draws.
  uncertainty  uncertainty sampling alone with the same budget: from solo's own 50 seed items, retrain, add the 25
               items of least calibrated confidence (gold answering), until the budget is spent; scored the same way.
               Also the labels it had at the first batch end where the true dataset accuracy reached the target
               (uncertainty_to_target; empty if not within the budget): its own oracle stop.
  oracle stop  how many human labels confidence escalation would have needed had gold been visible: the set B is
               every item solo labeled before its first human label in phase 10 or later (all of them if it never
               got there); the labeler trained on B's gold labels labels every other item; those items, least
               confident first, are escalated (counted right) until the true dataset accuracy first reaches the
               target. The oracle stop is |B| plus that number. Labeling functions are left out (only the model's
               labels), so on data where solo's functions label many items right this stop is pessimistic.
  ratios       error ratio (1 - acc_solo) / (1 - acc_random) and (1 - acc_solo) / (1 - acc_uncertainty): below 1 solo's
               dataset has fewer errors for the same human labels; share ratio solo human labels / oracle stop.

Rows go to bench/out/efficiency-<UTC time>.csv and .json as they finish, and a table to standard output.
"""
import argparse, csv, datetime, json, os, re, shutil, sqlite3, subprocess, sys, tempfile, time
from collections import Counter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOLO = os.path.join(REPO, "solo")
CLASSPATH = os.path.join(REPO, "bench", "target", "classes") + ":" + os.path.join(REPO, "cli", "target", "solo.jar")
BATCH = 25


def task(dataset, seed, target, work):
    rows = [json.loads(line) for line in open(os.path.join(dataset, "data.jsonl"))]
    labels = sorted({r["label"] for r in rows})
    folder = os.path.join(work, f"{os.path.basename(dataset.rstrip('/'))}-{seed}-t{target}")
    os.makedirs(os.path.join(folder, "data"))
    with open(os.path.join(folder, "data", "items.jsonl"), "w") as out:
        for r in rows:
            out.write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
    with open(os.path.join(folder, "gold.jsonl"), "w") as out:
        for r in rows:
            out.write(json.dumps({"id": r["id"], "label": r["label"]}) + "\n")
    config = open(os.path.join(REPO, "examples", "reviews", "config.yaml")).read()
    config = config.replace('"data/reviews.jsonl"', '"data/items.jsonl"')
    start, end = config.index("    labels:\n"), config.index("    label_requirement")
    config = config[:start] + "    labels:\n" + "".join(f'      - "{l}"\n' for l in labels) + config[end:]
    config, thresholds = re.subn(r"(accuracy_threshold|min_accuracy): [0-9.]+", rf"\g<1>: {target}", config)
    assert thresholds == 2, "the example config no longer has accuracy_threshold and min_accuracy"
    open(os.path.join(folder, "config.yaml"), "w").write(config)
    model = re.search(r'embedding_model: "([^"]+)"', config).group(1)
    return folder, {r["id"]: r["label"] for r in rows}, model


def solo(folder, gold, seed):
    config = os.path.join(folder, "config.yaml")
    began = time.time()
    done = subprocess.run([SOLO, "start", config, "--oracle", os.path.join(folder, "gold.jsonl"), "--seed", str(seed),
                           "--approve", "all"], capture_output=True, text=True)
    wall = time.time() - began
    if done.returncode != 0:
        raise RuntimeError(f"solo start failed in {folder}: {done.stderr.strip()[-500:]}")
    status = json.loads(subprocess.run([SOLO, "status", "--config", config, "--json"], capture_output=True,
                                       text=True).stdout)
    db = sqlite3.connect(os.path.join(folder, ".solo", "state.db"))
    count, right = Counter(), Counter()
    for item, value, source in db.execute("SELECT item_id, value, source FROM current_labels"):
        count[source] += 1
        right[source] += gold[item] == value
    machine = count["llm"] + count["labeling_function"]
    machine_right = right["llm"] + right["labeling_function"]
    n = sum(count.values())
    truth = (count["human"] + machine_right) / n
    estimate = status.get("accuracy_estimate") or {}
    covered = bool(estimate) and estimate["low"] <= truth <= estimate["high"]
    return {"items": n, "human": count["human"], "human_share": count["human"] / n, "true_dataset": truth,
            "true_machine": machine_right / machine if machine else 1.0, "lf_items": count["labeling_function"],
            "estimate": estimate.get("value"), "low": estimate.get("low"), "high": estimate.get("high"),
            "covered": covered, "stopped_at": status["phase"], "wall_s": round(wall, 1)}


def human_sets(db_file):
    """solo's seed items, and the items it labeled before its first human label in phase 10 or later."""
    db = sqlite3.connect(db_file)
    first = db.execute("SELECT item_id, min(seq), phase FROM answers_in_force WHERE kind = 'label' GROUP BY item_id "
                       "ORDER BY min(seq)").fetchall()
    late = [seq for _, seq, phase in first if phase >= 10]
    cut = min(late) if late else float("inf")
    return [i for i, _, phase in first if phase == 1], [i for i, seq, _ in first if seq < cut]


def baselines(folder, model, seed, target, budget, draws):
    scratch = os.path.join(folder, "baseline-state.db")
    with sqlite3.connect(os.path.join(folder, ".solo", "state.db")) as source, sqlite3.connect(scratch) as copy:
        source.backup(copy)
    seeds, before = human_sets(scratch)
    request = os.path.join(folder, "baseline-request.json")
    json.dump({"store": scratch, "gold": os.path.join(folder, "gold.jsonl"), "model": model, "seed": seed,
               "budget": budget, "seeds": seeds, "before_escalation": before, "target": target, "draws": draws,
               "batch": BATCH}, open(request, "w"))
    began = time.time()
    done = subprocess.run(["java", "-Xmx2g", "-cp", CLASSPATH, "dev.solo.bench.Bench", "baselines", request],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"baselines failed in {folder}: {done.stderr.strip()[-500:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    os.remove(scratch)
    randoms = [d["dataset"] for d in result["random"]]
    mean = sum(randoms) / len(randoms)
    spread = (sum((r - mean) ** 2 for r in randoms) / max(1, len(randoms) - 1)) ** 0.5
    return {"random_dataset": mean, "random_sd": spread,
            "random_machine": sum(d["machine"] for d in result["random"]) / len(randoms),
            "uncertainty_dataset": result["uncertainty"]["dataset"],
            "uncertainty_machine": result["uncertainty"]["machine"],
            "uncertainty_to_target": None if result["uncertainty_reached_target_at"] < 0
            else result["uncertainty_reached_target_at"],
            "before_escalation": len(before), "oracle_stop_human": result["oracle_stop_humans"],
            "oracle_stop_share": result["oracle_stop_humans"] / result["items"],
            "baselines_s": round(time.time() - began, 1)}


def ratios(r):
    def error_ratio(other):
        return (1 - r["true_dataset"]) / (1 - other) if other < 1 else None
    return {"reached_target": r["true_dataset"] >= r["target"],
            "error_ratio_random": error_ratio(r["random_dataset"]),
            "error_ratio_uncertainty": error_ratio(r["uncertainty_dataset"]),
            "share_ratio_oracle": r["human"] / r["oracle_stop_human"] if r["oracle_stop_human"] else None}


HEADER = (f"{'dataset':11} {'seed':>4} {'target':>6} {'N':>5} {'human':>5} {'share':>6} {'true':>6} {'mach':>6} "
          f"{'estimate (95%)':>19} {'cov':>3} {'wall s':>6} | {'random':>6} {'uncert':>6} {'unc@tg':>6} {'oracle':>6} "
          f"{'err/rnd':>7} {'err/unc':>7} {'shr/orc':>7}")


def fmt(r):
    shown = f"{r['estimate']:.3f} ({r['low']:.3f}-{r['high']:.3f})" if r["estimate"] is not None else "none"
    ratio = lambda v: f"{v:7.2f}" if v is not None else f"{'-':>7}"
    return (f"{r['dataset']:11} {r['seed']:>4} {r['target']:>6} {r['items']:>5} {r['human']:>5} "
            f"{r['human_share']:>6.1%} {r['true_dataset']:>6.3f} {r['true_machine']:>6.3f} {shown:>19} "
            f"{'yes' if r['covered'] else 'no':>3} {r['wall_s']:>6.0f} | {r['random_dataset']:>6.3f} "
            f"{r['uncertainty_dataset']:>6.3f} {r['uncertainty_to_target'] or '-':>6} {r['oracle_stop_share']:>6.1%} {ratio(r['error_ratio_random'])} "
            f"{ratio(r['error_ratio_uncertainty'])} {ratio(r['share_ratio_oracle'])}")


def claim(folder):
    """A fresh name for this run's rows: runs started in the same second (a sweep split over processes) each get
    their own, since the .json is created exclusively."""
    os.makedirs(folder, exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d-%H%M%S")
    for suffix in [""] + [f"-{n}" for n in range(2, 100)]:
        out = os.path.join(folder, f"efficiency-{stamp}{suffix}")
        try:
            with open(out + ".json", "x") as rows:
                rows.write("[]\n")
            return out
        except FileExistsError:
            continue
    raise RuntimeError(f"no free file name for efficiency-{stamp} in {folder}")


def arguments():
    parser = argparse.ArgumentParser(
        prog="bench/efficiency", description="The whole workflow with the oracle on gold-labeled datasets, beside "
        "baselines with the same labeler and the same number of human labels (see the docstring of "
        "bench/efficiency.py for every column).")
    parser.add_argument("datasets", nargs="*", metavar="DATASET",
                        help="a folder holding data.jsonl with id, text and label (default: the four of ../shared/data)")
    parser.add_argument("--seeds", type=numbers(int), default=[7], help="comma-separated seeds (default 7)")
    parser.add_argument("--targets", "--target", type=numbers(float), default=[0.93],
                        help="comma-separated accuracy targets (default 0.93)")
    parser.add_argument("--draws", type=int, default=5, help="draws of the random baseline (default 5)")
    parser.add_argument("--work", help="folder for the tasks (default: a new temporary folder)")
    args = parser.parse_args()
    data = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
    args.datasets = args.datasets or [os.path.join(data, name) for name in ("sst2", "sst5_3class", "trec", "custrev")]
    for dataset in args.datasets:
        if not os.path.isfile(os.path.join(dataset, "data.jsonl")):
            parser.error(f"{os.path.join(dataset, 'data.jsonl')} does not exist: give a folder holding data.jsonl")
    args.work = args.work or tempfile.mkdtemp(prefix="solo-efficiency-")
    return args


def numbers(kind):
    def parse(text):
        try:
            return [kind(part) for part in text.split(",")]
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a comma-separated list of {kind.__name__} values")
    return parse


def main():
    args = arguments()
    seeds, targets, draws, work, datasets = args.seeds, args.targets, args.draws, args.work, args.datasets
    out = claim(os.path.join(REPO, "bench", "out"))
    results = []
    print(HEADER, flush=True)
    for target in targets:  # seeds outside datasets: a sweep cut short still has every dataset
        for seed in seeds:
            for dataset in datasets:
                folder, gold, model = task(dataset, seed, target, work)
                try:
                    r = {"dataset": os.path.basename(dataset.rstrip("/")), "seed": seed, "target": target,
                         "model": model}
                    r.update(solo(folder, gold, seed))
                    r.update(baselines(folder, model, seed, target, r["human"], draws))
                    r.update(ratios(r))
                except RuntimeError as failure:
                    print(f"{os.path.basename(folder)}: {failure}", file=sys.stderr, flush=True)
                    continue
                results.append(r)
                print(fmt(r), flush=True)
                json.dump(results, open(out + ".json", "w"), indent=1)
                with open(out + ".csv", "w", newline="") as sheet:
                    writer = csv.DictWriter(sheet, fieldnames=list(results[0]))
                    writer.writeheader()
                    writer.writerows(results)
    print(f"rows: {out}.csv and .json; tasks kept in {work}")


if __name__ == "__main__":
    main()
