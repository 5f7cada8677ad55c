"""Rebuild the bundled toxicity model from the labeled data (needs the `train` extra).

    python -m moderator_app.toxicity.training.train [--data DIR] [--out FILE] [--validate-only]

Two stages, one recipe. First the heads are fitted on the training split only; the validation
split (see `data`) calibrates them, picks the thresholds and is measured, clean and disguised.
Then, unless --validate-only, the same recipe is fitted on every row and saved with that
calibration, those thresholds and those (honest, held-out) metrics. Seeds are fixed and the file
is written byte for byte the same from the same data.
"""

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from moderator_app.paths import resource_path
from moderator_app.toxicity.features import FeatureSpec, Featurizer
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.toxicity.lexicon_data import EXCEPTIONS_FILE, LEXICON_FILES
from moderator_app.toxicity.model import ModelScorer, default_model_path
from moderator_app.toxicity.model_file import (
    HEADS,
    Calibration,
    LinearModel,
    Thresholds,
    save_model,
)
from moderator_app.toxicity.training import augment, data
from moderator_app.toxicity.training.calibrate import choose_thresholds, metrics, platt
from moderator_app.toxicity.training.fit import fit_head
from moderator_app.toxicity.training.vectorize import vectorize

_PLACEHOLDER = Thresholds(0.35, 0.7)
VARIANTS = ("translit", "translit_gost", "translit_icao", "lookalike")


@dataclass(frozen=True, slots=True)
class Recipe:
    """Every choice that shapes the model besides the data; saved in the model file."""

    spec: FeatureSpec = field(default_factory=FeatureSpec)
    seed: int = 13
    dataset_weights: Mapping[str, float] = field(default_factory=lambda: {"ru_paradetox": 0.1})
    """Paradetox (rude sentences beside their polite rewrites) teaches rude words but pulls
    forum ROC-AUC down when weighted fully."""
    c: Mapping[str, float] = field(default_factory=lambda: {"ru": 16.0, "en": 8.0, "gate": 1.0})
    nb: bool = True
    augment: bool = True
    """One disguised copy of every Russian training row (see `augment.disguise`)."""

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["spec"] = self.spec.to_json()
        out["dataset_weights"] = dict(self.dataset_weights)
        out["c"] = dict(self.c)
        return out


@dataclass(slots=True)
class Corpus:
    """Labeled rows plus their disguised copies, in one order shared with the matrix."""

    texts: list[str]
    toxic: NDArray[np.int_]
    dataset: list[str]
    russian: NDArray[np.bool_]
    validation: NDArray[np.bool_]


def build_corpus(rows: Sequence[data.Row], recipe: Recipe) -> Corpus:
    rng = random.Random(recipe.seed)  # noqa: S311 - reproducible augmentation, not secrets
    texts = [r.text for r in rows]
    labels = [r.toxic for r in rows]
    names = [r.dataset for r in rows]
    russian = [r.russian for r in rows]
    validation = [data.is_validation(r) for r in rows]
    if recipe.augment:
        for r in rows:
            if r.russian:
                texts.append(augment.disguise(r.text, rng))
                labels.append(r.toxic)
                names.append(r.dataset)
                russian.append(True)
                validation.append(data.is_validation(r))
    return Corpus(
        texts,
        np.array(labels, dtype=np.int_),
        names,
        np.array(russian, dtype=np.bool_),
        np.array(validation, dtype=np.bool_),
    )


def fit_heads(
    corpus: Corpus, x: sparse.csr_matrix, rows: NDArray[np.bool_], recipe: Recipe
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """(weights, bias) of the three heads, fitted on the corpus rows selected by `rows`."""
    hashed = recipe.spec.buckets
    weight = np.array([recipe.dataset_weights.get(d, 1.0) for d in corpus.dataset])
    selections = {
        "ru": (rows & corpus.russian, corpus.toxic, weight),
        "en": (rows & ~corpus.russian, corpus.toxic, weight),
        "gate": (rows, corpus.russian.astype(np.int_), np.ones(len(weight))),
    }
    coefs: list[NDArray[np.float64]] = []
    biases: list[float] = []
    for head in HEADS:
        chosen, labels, weights = selections[head]
        _log(f"fitting {head} head on {int(chosen.sum())} rows")
        nb = recipe.nb and head != "gate"
        fitted = fit_head(
            x[chosen],
            labels[chosen],
            weights[chosen],
            c=recipe.c[head],
            hashed=hashed,
            nb=nb,
            seed=recipe.seed,
        )
        coefs.append(fitted.coef)
        biases.append(fitted.bias)
    # rounded as they will be stored, so validation measures what ships
    weights16 = np.vstack(coefs).astype(np.float16).astype(np.float32)
    return weights16, np.array(biases, dtype=np.float32)


def validation_set(
    rows: Sequence[data.Row], seed: int
) -> tuple[list[str], NDArray[np.int_], list[str]]:
    """Validation texts with labels and groups: each row as written ("<data set>"), and each
    Russian row transliterated by three schemes (":translit" is chat style, also
    ":translit_gost", ":translit_icao") and with look-alike letters and digits (":lookalike")."""
    rng = random.Random(seed + 1)  # noqa: S311 - reproducible variants, not secrets
    texts = [r.text for r in rows]
    labels = [r.toxic for r in rows]
    groups = [r.dataset for r in rows]
    for r in rows:
        if r.russian:
            texts.extend(
                [
                    augment.transliterate_fixed(r.text, "chat"),
                    augment.transliterate_fixed(r.text, "gost"),
                    augment.transliterate_fixed(r.text, "icao"),
                    augment.lookalikes(r.text, rng),
                ]
            )
            labels.extend([r.toxic] * len(VARIANTS))
            groups.extend([f"{r.dataset}:{v}" for v in VARIANTS])
    return texts, np.array(labels, dtype=np.int_), groups


def validate(
    model: LinearModel, rows: Sequence[data.Row], seed: int
) -> tuple[dict[str, Calibration], Thresholds, dict[str, Any]]:
    """Calibration and thresholds from the validation rows, and the metrics they give."""
    texts, y, groups = validation_set(rows, seed)
    clean = np.array([":" not in g for g in groups])
    russian = np.array([g.startswith("ru_") for g in groups])
    raw = ModelScorer(model).raw_scores(texts)
    calibration = {"gate": Calibration()}
    for head, chosen in (("ru", clean & russian), ("en", clean & ~russian)):
        picked = [g for g, keep in zip(groups, chosen, strict=True) if keep]
        calibration[head] = platt(raw[chosen, HEADS.index(head)], y[chosen], picked)
    calibrated = replace(model, calibration=calibration)
    p = np.array([v.probability for v in ModelScorer(calibrated).analyse(texts)])
    clean_groups = [g for g, keep in zip(groups, clean, strict=True) if keep]
    thresholds = choose_thresholds(p[clean], y[clean], clean_groups)
    # the default scorer (model + lexicon) scores exactly this probability: one set of numbers
    report = {"thresholds": asdict(thresholds), "metrics": metrics(p, y, groups, thresholds)}
    return calibration, thresholds, report


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _provenance(data_dir: Path, rows: Sequence[data.Row], recipe: Recipe) -> dict[str, Any]:
    import sklearn

    files = sorted(data_dir.glob(f"*{data.SUFFIX}"))
    counts = {
        name: sum(r.dataset == name for r in rows) for name in sorted({r.dataset for r in rows})
    }
    lexicon = [resource_path("toxicity", n) for n in (*LEXICON_FILES, EXCEPTIONS_FILE)]
    return {
        "recipe": recipe.to_json(),
        "data": {p.name: {"sha256": _sha256(p)} for p in files},
        "rows": counts,
        "validation_split": {"salt": data.SPLIT_SALT, "permille": data.VALIDATION_PERMILLE},
        "lexicon": {p.name: {"sha256": _sha256(p)} for p in lexicon},
        "trained_with": {"numpy": np.__version__, "scikit-learn": sklearn.__version__},
    }


def train(data_dir: Path, out: Path | None, recipe: Recipe | None = None) -> dict[str, Any]:
    """Validate the recipe, then (if `out`) fit it on every row and save; returns the report."""
    recipe = recipe if recipe is not None else Recipe()
    started = time.perf_counter()
    rows = data.load_all(data_dir)
    corpus = build_corpus(rows, recipe)
    _log(f"{len(rows)} rows, {len(corpus.texts) - len(rows)} disguised copies")
    x = vectorize(corpus.texts, Featurizer(recipe.spec), LexiconScorer())
    _log(f"vectorized: {x.shape[0]} x {x.shape[1]}, {x.nnz} non-zeros")
    weights, bias = fit_heads(corpus, x, ~corpus.validation, recipe)
    held_out = LinearModel(recipe.spec, weights, bias, {}, _PLACEHOLDER)
    valid_rows = [r for r in rows if data.is_validation(r)]
    calibration, thresholds, report = validate(held_out, valid_rows, recipe.seed)
    _log(f"validation: {json.dumps(report['metrics'], ensure_ascii=False)}")
    info = _provenance(data_dir, rows, recipe)
    info["validation"] = report
    if out is not None:
        weights, bias = fit_heads(corpus, x, np.ones(len(corpus.texts), dtype=np.bool_), recipe)
        info["final_fit"] = "all rows (training and validation split)"
        save_model(LinearModel(recipe.spec, weights, bias, calibration, thresholds, info), out)
        _log(f"saved {out} ({out.stat().st_size / 1e6:.2f} MB)")
    info["seconds"] = round(time.perf_counter() - started, 1)
    return info


_STARTED = time.perf_counter()


def _log(message: str) -> None:
    print(f"[{time.perf_counter() - _STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=data.default_data_dir(), help="*_train.csv folder"
    )
    parser.add_argument(
        "--out", type=Path, default=default_model_path(), help="model file to write"
    )
    parser.add_argument(
        "--validate-only",
        action="store_true",
        help="fit without the validation split, measure on it, save nothing",
    )
    args = parser.parse_args(argv)
    report = train(args.data, None if args.validate_only else args.out)
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
