"""The workflow with the oracle on gold-labeled data: human share, true accuracy against gold, and
solo's own estimate beside it; the same labeler on the same number of random labels as a baseline.

Usage (from the repository root): bench/efficiency [DATASET ...] [--seeds 7,8,9]
DATASET is a folder of ../shared/data-like layout: data.jsonl with {"id","text","label"} lines.
"""
import json, os, shutil, sqlite3, subprocess, sys, tempfile, time
from collections import Counter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOLO = os.path.join(REPO, "solo")


def task(dataset, seed, work):
    rows = [json.loads(line) for line in open(os.path.join(dataset, "data.jsonl"))]
    labels = sorted({r["label"] for r in rows})
    folder = os.path.join(work, f"{os.path.basename(dataset.rstrip('/'))}-{seed}")
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
    open(os.path.join(folder, "config.yaml"), "w").write(config)
    return folder, {r["id"]: r["label"] for r in rows}


def run(dataset, seed, work):
    folder, gold = task(dataset, seed, work)
    config = os.path.join(folder, "config.yaml")
    began = time.time()
    done = subprocess.run([SOLO, "start", config, "--oracle", os.path.join(folder, "gold.jsonl"), "--seed", str(seed),
                           "--approve", "all"], capture_output=True, text=True)
    wall = time.time() - began
    if done.returncode != 0:
        sys.exit(f"solo start failed on {dataset}: {done.stderr.strip()}")
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
    return {"dataset": os.path.basename(dataset.rstrip("/")), "seed": seed, "items": n, "human": count["human"],
            "human_share": count["human"] / n, "true_dataset": truth,
            "true_machine": machine_right / machine if machine else 1.0, "lf_items": count["labeling_function"],
            "estimate": estimate.get("value"), "low": estimate.get("low"), "high": estimate.get("high"),
            "covered": covered, "stopped_at": status["phase"], "wall_s": round(wall, 1)}


def main():
    args = sys.argv[1:]
    seeds = [7]
    if "--seeds" in args:
        at = args.index("--seeds")
        seeds = [int(s) for s in args[at + 1].split(",")]
        del args[at:at + 2]
    data = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
    datasets = args or [os.path.join(data, name) for name in ("sst2", "sst5_3class", "trec", "custrev")]
    work = tempfile.mkdtemp(prefix="solo-efficiency-")
    results = []
    print(f"{'dataset':12} {'seed':>4} {'items':>6} {'human':>6} {'share':>6} {'true':>6} {'machine':>7} "
          f"{'estimate (95%)':>20} {'covers':>6} {'stop':>4} {'wall s':>7}")
    for dataset in datasets:
        for seed in seeds:
            r = run(dataset, seed, work)
            results.append(r)
            shown = f"{r['estimate']:.3f} ({r['low']:.3f}-{r['high']:.3f})" if r["estimate"] is not None else "none"
            print(f"{r['dataset']:12} {seed:>4} {r['items']:>6} {r['human']:>6} {r['human_share']:>6.1%} "
                  f"{r['true_dataset']:>6.3f} {r['true_machine']:>7.3f} {shown:>20} {str(r['covered']):>6} "
                  f"{r['stopped_at']:>4} {r['wall_s']:>7}", flush=True)
    out = os.path.join(REPO, "bench", "efficiency-results.json")
    json.dump(results, open(out, "w"), indent=1)
    print(f"results: {out}; tasks kept in {work}")


if __name__ == "__main__":
    main()
