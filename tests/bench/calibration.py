"""Does feedback calibration help a community? Replays moderator decisions, then measures
precision at equal recall on that community's held-out comments (not run by pytest).

    PYTHONPATH=. python tests/bench/calibration.py [--data DIR] [--seed N] [--quick]

Communities, built from the shared labeled data (/work/shared/data/toxicity):
- "gaming": half of the 2ch/pikabu comments, where mild swearing is fine: toxic rows whose only
  lexicon labels are 'obscene'/'mild_rude' (swearing, no insult, threat or hate) count as fine.
- "news": the other half of 2ch/pikabu with the original labels.
- "en_forum": OLID tweets with the original labels.
Each community's comments are shuffled once (seeded); the first 60 % are the stream the
simulated moderator decides on (see tests/toxicity/replay.py), the last 40 % are held out.
"Equal recall" is the recall the base scorer reaches on the held-out part at its own review
threshold; precision there is compared before (base scorer) and after calibration, and after
N decisions. The last line printed is one JSON object.
"""

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from moderator_app.toxicity.base import Scorer
from moderator_app.toxicity.default import default_scorer
from moderator_app.toxicity.lexicon import LexiconScorer
from tests.toxicity.replay import HeldOut, Labeled, replay

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "toxicity"
SWEARING = frozenset({"obscene", "mild_rude"})
CHECKPOINTS = (25, 50, 100, 200, 400, 800)
STREAM_SHARE = 0.6


def read_rows(path: Path) -> list[Labeled]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Labeled(r["text"], r["toxic"] == "1") for r in csv.DictReader(f)]


def gaming(rows: list[Labeled]) -> list[Labeled]:
    """Swearing without insult, threat or hate is fine here (by the lexicon's labels)."""
    lexicon = LexiconScorer()
    out = []
    for row, verdict in zip(rows, lexicon.score_batch([r.text for r in rows]), strict=True):
        labels = set(verdict.labels)
        fine = row.toxic and bool(labels) and labels <= SWEARING
        out.append(Labeled(row.text, row.toxic and not fine))
    return out


def communities(data: Path, seed: int, quick: bool) -> dict[str, list[Labeled]]:
    rng = random.Random(seed)
    ru = read_rows(data / "ru_2ch_pikabu_train.csv")
    rng.shuffle(ru)
    half = len(ru) // 2
    en = read_rows(data / "en_olid_train.csv")
    rng.shuffle(en)
    found = {"gaming": gaming(ru[:half]), "news": ru[half:], "en_forum": en[:6000]}
    if quick:
        found = {name: rows[:2000] for name, rows in found.items()}
    return found


def run(name: str, rows: list[Labeled], scorer: Scorer, seed: int) -> dict[str, Any]:
    cut = int(len(rows) * STREAM_SHARE)
    stream, held = rows[:cut], rows[cut:]
    started = time.perf_counter()
    held_out = HeldOut(held, scorer)
    before = held_out.evaluate(None)
    result = replay(stream, held_out, scorer, seed=seed, checkpoints=CHECKPOINTS)
    after = result.checkpoints[-1]
    return {
        "comments": len(rows),
        "toxic_share": round(sum(r.toxic for r in rows) / len(rows), 4),
        "stream": len(stream),
        "held_out": len(held),
        "decisions": result.decisions,
        "refits": result.refits,
        "equal_recall": round(held_out.recall, 4),
        "precision_before": before["precision_at_equal_recall"],
        "precision_after": after["precision_at_equal_recall"],
        "ap_before": before["average_precision"],
        "ap_after": after["average_precision"],
        "flagged_before": {
            k: before[k] for k in ("flagged", "flagged_precision", "flagged_recall")
        },
        "flagged_after": {k: after[k] for k in ("flagged", "flagged_precision", "flagged_recall")},
        "thresholds_after": None
        if result.calibration is None
        else [result.calibration.review, result.calibration.toxic],
        "checkpoints": result.checkpoints,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="2,000 comments per community")
    parser.add_argument("--only", default="", help="comma-separated community names")
    args = parser.parse_args(argv)
    scorer = default_scorer()
    found = communities(args.data, args.seed, args.quick)
    wanted = [n for n in args.only.split(",") if n] or list(found)
    report: dict[str, Any] = {"base_scorer": scorer.name, "seed": args.seed, "communities": {}}
    for name in wanted:
        result = run(name, found[name], scorer, args.seed)
        report["communities"][name] = result
        print(
            f"{name}: precision at recall {result['equal_recall']:.3f}: "
            f"{result['precision_before']:.3f} → {result['precision_after']:.3f} "
            f"(AP {result['ap_before']:.3f} → {result['ap_after']:.3f}, "
            f"{result['decisions']} decisions, {result['seconds']} s)",
            file=sys.stderr,
        )
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
