"""Benchmark of the trained toxicity model (not run by pytest; needs the `train` extra).

    PYTHONPATH=. python tests/bench/toxicity.py [--data DIR] [--model FILE] [--no-retrain]

Quality: by default the recipe is fitted again WITHOUT the validation split (the shipped model
was fitted on every row, so scoring the validation rows with it would flatter it) and measured
on that split: ROC-AUC and F1 at the threshold chosen on validation, per data set, and on the
Russian validation texts transliterated and written with look-alike letters. With --no-retrain
the same numbers are read from the model file, where training recorded them from the same
procedure. Speed: the shipped default scorer (model + lexicon) on one thread, for short (~40
chars), forum-length (~175) and long (~400) comments it has not seen, after warming up on
others, as the app's long-lived scorer would be; plus the model file's size and load time.

Prints a few readable lines, then ONE JSON object on the last line.
"""

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from moderator_app.toxicity.combined import CombinedScorer
from moderator_app.toxicity.model import ModelScorer, default_model_path
from moderator_app.toxicity.model_file import load_model
from moderator_app.toxicity.training import data
from moderator_app.toxicity.training.train import VARIANTS

BATCH = 256  # as the engine scores (sync/scoring.py)
TARGETS = {
    "ru_2ch_pikabu": 0.96,
    "en_davidson": 0.985,
    "en_olid": 0.80,
}
MAX_DISGUISE_GAP = 0.01
MIN_FORUM_RATE = 5000


def _sizes(rows: Sequence[data.Row], low: int, high: int, count: int) -> list[str]:
    texts = [r.text for r in rows if low <= len(r.text) <= high]
    return texts[:count]


def _long(rows: Sequence[data.Row], count: int) -> list[str]:
    """~400-char comments: long forum comments, topped up by joining shorter ones."""
    pool = [r.text for r in rows if r.dataset == "ru_2ch_pikabu" or r.dataset == "en_olid"]
    out: list[str] = []
    buffer = ""
    for text in pool:
        buffer = f"{buffer} {text}".strip()
        if len(buffer) >= 350:
            out.append(buffer[:450])
            buffer = ""
        if len(out) >= count:
            break
    return out


def throughput(scorer: CombinedScorer, texts: Sequence[str]) -> dict[str, float]:
    started = time.perf_counter()
    for first in range(0, len(texts), BATCH):
        scorer.score_batch(texts[first : first + BATCH])
    elapsed = time.perf_counter() - started
    return {
        "comments": len(texts),
        "mean_chars": round(statistics.mean(len(t) for t in texts), 1),
        "comments_per_s": round(len(texts) / elapsed),
    }


def speed(model_path: Path, rows: list[data.Row]) -> dict[str, Any]:
    """Load time, and comments/s on texts the scorer has not seen after warming up on others
    (new comments, warm caches, as in the app) and on a second pass (every word known)."""
    loads = []
    for _ in range(5):
        started = time.perf_counter()
        model = load_model(model_path)
        loads.append(time.perf_counter() - started)
    scorer = CombinedScorer(ModelScorer(model))
    train_rows, valid_rows = data.split(rows)
    warm_up = [r.text for r in train_rows[:20_000]]
    sets = {
        "short": _sizes(valid_rows, 25, 60, 3000),
        "forum": [r.text for r in valid_rows if r.dataset == "ru_2ch_pikabu"],
        "long": _long(valid_rows, 1500),
    }
    del train_rows, valid_rows
    rows.clear()  # the benchmark's own heap should not slow the garbage collector
    gc.collect()
    for first in range(0, len(warm_up), BATCH):
        scorer.score_batch(warm_up[first : first + BATCH])
    unseen = {kind: throughput(scorer, texts) for kind, texts in sets.items()}
    again = {kind: throughput(scorer, texts) for kind, texts in sets.items()}
    return {
        "model_file": {
            "bytes": model_path.stat().st_size,
            "megabytes": round(model_path.stat().st_size / 2**20, 2),
            "load_ms_median": round(1000 * statistics.median(loads), 1),
        },
        "throughput_one_thread": unseen,
        "throughput_one_thread_second_pass": again,
    }


def quality(data_dir: Path, model_path: Path, retrain: bool) -> dict[str, Any]:
    if retrain:
        from moderator_app.toxicity.training.train import train

        report = train(data_dir, None)["validation"]
        source = "recipe refitted now without the validation split, measured on it"
    else:
        report = load_model(model_path).info["validation"]
        source = "read from the model file (same procedure, recorded at training)"
    metrics = report["metrics"]
    robustness = {}
    for name in data.RUSSIAN:
        clean = metrics.get(name, {}).get("roc_auc")
        row: dict[str, Any] = {"clean": clean}
        for variant in VARIANTS:
            auc = metrics.get(f"{name}:{variant}", {}).get("roc_auc")
            row[variant] = auc
            row[f"{variant}_gap"] = round(clean - auc, 4) if clean and auc else None
        robustness[name] = row
    return {
        "source": source,
        "thresholds": report["thresholds"],
        "per_dataset": {
            k: {"roc_auc": v["roc_auc"], "f1": v["f1"], "rows": v["rows"]}
            for k, v in metrics.items()
        },
        "disguised_russian": robustness,
    }


def verdicts(result: dict[str, Any]) -> dict[str, bool]:
    per = result["validation"]["per_dataset"]
    out = {f"{k}_auc>={v}": (per.get(k, {}).get("roc_auc") or 0) >= v for k, v in TARGETS.items()}
    for name, row in result["validation"]["disguised_russian"].items():
        for variant in VARIANTS:
            gap = row.get(f"{variant}_gap")
            within = gap is not None and gap <= MAX_DISGUISE_GAP
            out[f"{name}_{variant}_gap<={MAX_DISGUISE_GAP}"] = within
    rate = result["throughput_one_thread"]["forum"]["comments_per_s"]
    out[f"forum_rate>={MIN_FORUM_RATE}"] = rate >= MIN_FORUM_RATE
    out["model<=10MB"] = result["model_file"]["bytes"] <= 10 * 2**20
    out["load<=200ms"] = result["model_file"]["load_ms_median"] <= 200
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=data.default_data_dir())
    parser.add_argument("--model", type=Path, default=default_model_path())
    parser.add_argument("--no-retrain", action="store_true", help="read metrics from the file")
    args = parser.parse_args(argv)
    result: dict[str, Any] = speed(args.model, data.load_all(args.data))
    for kind, row in result["throughput_one_thread"].items():
        again = result["throughput_one_thread_second_pass"][kind]["comments_per_s"]
        print(
            f"{kind:>6}: {row['comments_per_s']:>7,} comments/s unseen, {again:>7,} second pass"
            f" ({row['mean_chars']} chars)"
        )
    print(f"model file: {result['model_file']}")
    result["validation"] = quality(args.data, args.model, retrain=not args.no_retrain)
    for name, row in result["validation"]["per_dataset"].items():
        print(f"{name:>26}: ROC-AUC {row['roc_auc']}  F1 {row['f1']}")
    result["targets_met"] = verdicts(result)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
