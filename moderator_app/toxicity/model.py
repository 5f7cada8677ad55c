"""The trained scorer: a linear model over the normaliser's words, scored a batch at a time.

Two heads score toxicity, one trained on Russian and one on English comments (trained together
they pulled each other down), and a third says how Russian the comment is; the probability is
the heads' calibrated probabilities mixed by that. Russian typed in Latin letters reaches the
Russian head through the Cyrillic readings of its words (see `features`).

Each head's score is a sum of per-word contributions, cached per word, so a batch costs a few
passes over each comment (see `reader`: one cache look-up per word) plus a handful of numpy
calls over the whole batch. The words that pushed a flagged comment's score up are its spans,
in the original text's offsets (see `explain`).
"""

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from moderator_app.domain import Span, ToxicityResult
from moderator_app.paths import resource_path
from moderator_app.toxicity.base import level_for
from moderator_app.toxicity.explain import token_weights, top_spans
from moderator_app.toxicity.features import Bigrams, DocFeatures, Featurizer
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.toxicity.model_file import HEADS, LinearModel, load_model
from moderator_app.toxicity.reader import Reader
from moderator_app.toxicity.signals import DENSE_NAMES, dense_features

MODEL_FILE = "toxicity.npz"
SPAN_LABEL = "model"
_RU, _EN, _GATE = (HEADS.index(h) for h in ("ru", "en", "gate"))


def default_model_path() -> Path:
    return resource_path("toxicity", "model", MODEL_FILE)


@cache
def bundled_model() -> LinearModel:
    """The shipped model, loaded once per process."""
    return load_model(default_model_path())


@dataclass(frozen=True, slots=True)
class Verdict:
    """The model's view of one comment, with the lexicon's, for scorers built on top."""

    probability: float
    spans: tuple[Span, ...]
    lexicon: ToxicityResult


class _Batch(NamedTuple):
    docs: list[DocFeatures]
    lexicon: list[ToxicityResult]
    dense: NDArray[np.float64]


class _Scored(NamedTuple):
    raw: NDArray[np.float64]
    scale: NDArray[np.float64]
    """Per text: one over the square root of its feature count."""
    bigrams: Bigrams


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off for one batch. A batch allocates only acyclic
    objects (reference counting frees them) while filling long-lived caches, and the collector's
    passes over the caches were pure overhead: 40% of the time on unseen text. It runs again,
    with its counts intact, as soon as the batch is done."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _packed(hashed: NDArray[np.float32]) -> NDArray[np.complex128]:
    """The hashed weights (one row per head) as one 16-byte item per bucket, holding its weight
    for every head, so a batch's buckets are gathered at once: a third of the memory traffic of
    a gather per head, on a table too big for the cache."""
    heads, buckets = hashed.shape
    assert heads <= 4
    rows = np.zeros((buckets, 4), dtype=np.float32)
    rows[:, :heads] = hashed.T
    packed: NDArray[np.complex128] = rows.view(np.complex128).ravel()
    return packed


def _sigmoid(z: NDArray[np.float64]) -> NDArray[np.float64]:
    result: NDArray[np.float64] = 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow warnings
    return result


class ModelScorer:
    """Scores text with the trained model. Deterministic and offline; safe to share between
    threads (batches are scored one at a time)."""

    name = "model"

    def __init__(self, model: LinearModel | None = None, lexicon: LexiconScorer | None = None):
        self.model = model if model is not None else bundled_model()
        self.lexicon = lexicon if lexicon is not None else LexiconScorer()
        self.featurizer = Featurizer(self.model.spec)
        self.reader = Reader(self.featurizer, self.lexicon)
        buckets = self.model.spec.buckets
        self._hashed = _packed(self.model.weights[:, :buckets])
        self._dense = self.model.weights[:, buckets:].astype(np.float64)
        self._bias = self.model.bias.astype(np.float64)
        cal = self.model.calibration
        self._scale = np.array([cal[h].scale if h in cal else 1.0 for h in HEADS])
        self._shift = np.array([cal[h].shift if h in cal else 0.0 for h in HEADS])
        self._lock = threading.Lock()
        # per unit id (the featurizer's): each head's summed weights, and the feature count
        self._contrib = np.zeros((1024, len(HEADS)))
        self._counts = np.zeros(1024)
        self._filled = 0
        self._generation = self.featurizer.generation

    @classmethod
    def from_file(cls, path: Path) -> "ModelScorer":
        return cls(load_model(path))

    @property
    def thresholds(self) -> tuple[float, float]:
        """(review, toxic), chosen on validation; read by per-account calibration."""
        return self.model.thresholds.review, self.model.thresholds.toxic

    @property
    def review_threshold(self) -> float:
        return self.model.thresholds.review

    @property
    def toxic_threshold(self) -> float:
        return self.model.thresholds.toxic

    def score_batch(self, texts: Sequence[str]) -> list[ToxicityResult]:
        """One result per text, in order: the model's probability and the words behind it."""
        review, toxic = self.review_threshold, self.toxic_threshold
        return [
            ToxicityResult(
                score=round(v.probability, 4),
                level=level_for(v.probability, review, toxic),
                spans=v.spans,
                scorer=self.name,
            )
            for v in self.analyse(texts)
        ]

    def analyse(self, texts: Sequence[str]) -> list[Verdict]:
        """The model's probability, its spans (for comments at review level or above) and the
        lexicon's result, for each text."""
        with self._lock, _collector_paused():
            return self._analyse(texts)

    def raw_scores(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """Each head's uncalibrated score (rows: texts, columns: `HEADS`); for training."""
        with self._lock:
            return self._scores(self._features(texts)).raw

    def _analyse(self, texts: Sequence[str]) -> list[Verdict]:
        batch = self._features(texts)
        scored = self._scores(batch)
        calibrated = _sigmoid(scored.raw * self._scale + self._shift)
        gate = calibrated[:, _GATE]
        probability = gate * calibrated[:, _RU] + (1.0 - gate) * calibrated[:, _EN]
        wordless = [i for i, doc in enumerate(batch.docs) if not doc.tokens]
        probability[wordless] = 0.0
        flagged = np.flatnonzero(probability >= self.review_threshold)
        spans = self._spans(batch.docs, flagged, gate, scored)
        return [
            Verdict(p, spans.get(i, ()), lexicon)
            for i, (p, lexicon) in enumerate(zip(probability.tolist(), batch.lexicon, strict=True))
        ]

    def _features(self, texts: Sequence[str]) -> _Batch:
        self.reader.begin_batch()
        docs: list[DocFeatures] = []
        lexicon: list[ToxicityResult] = []
        dense: list[list[float]] = []
        for text in texts:
            doc, result = self.reader.read(text)
            docs.append(doc)
            lexicon.append(result)
            dense.append(dense_features(text, result, doc))
        return _Batch(
            docs, lexicon, np.asarray(dense, dtype=np.float64).reshape(-1, len(DENSE_NAMES))
        )

    def _scores(self, batch: _Batch) -> _Scored:
        n = len(batch.docs)
        self._fill()
        lengths = [len(doc.units) for doc in batch.docs]
        uid = np.fromiter(
            chain.from_iterable(doc.units for doc in batch.docs), np.intp, sum(lengths)
        )
        udoc = np.repeat(np.arange(n, dtype=np.intp), lengths)
        bigrams = self.featurizer.bigrams(batch.docs)
        count = np.bincount(udoc, weights=self._counts[uid], minlength=n)
        count += np.bincount(bigrams.doc, minlength=n)
        scale = np.divide(1.0, np.sqrt(count), out=np.zeros(n), where=count > 0)
        sums = np.empty((n, len(HEADS)))
        weights = self._weights(bigrams.buckets)
        for h in range(len(HEADS)):
            sums[:, h] = np.bincount(udoc, weights=self._contrib[uid, h], minlength=n)
            sums[:, h] += np.bincount(bigrams.doc, weights=weights[:, h], minlength=n)
        raw = self._bias + sums * scale[:, None] + batch.dense @ self._dense.T
        return _Scored(raw, scale, bigrams)

    def _fill(self) -> None:
        """Per-head contributions for units the featurizer has met since the last batch."""
        if self._generation != self.featurizer.generation:
            self._generation = self.featurizer.generation
            self._filled = 0
        first, needed = self._filled, self.featurizer.unit_count
        if needed == first:
            return
        if needed > len(self._counts):
            size = max(needed, 2 * len(self._counts))
            self._contrib = np.resize(self._contrib, (size, len(HEADS)))
            self._counts = np.resize(self._counts, size)
        buckets, owner = self.featurizer.unit_buckets(range(first, needed))
        new = needed - first
        weights = self._weights(buckets)
        for h in range(len(HEADS)):
            self._contrib[first:needed, h] = np.bincount(
                owner, weights=weights[:, h], minlength=new
            )
        self._counts[first:needed] = np.bincount(owner, minlength=new)
        self._filled = needed

    def _weights(self, buckets: NDArray[np.intp]) -> NDArray[np.float32]:
        """Each bucket's weight per head (columns: `HEADS`, then padding)."""
        rows: NDArray[np.float32] = self._hashed[buckets].view(np.float32).reshape(-1, 4)
        return rows

    def _spans(
        self,
        docs: Sequence[DocFeatures],
        flagged: NDArray[np.intp],
        gate: NDArray[np.float64],
        scored: _Scored,
    ) -> dict[int, tuple[Span, ...]]:
        """The words behind each flagged comment's score (see `explain`), by comment."""
        if not len(flagged):
            return {}
        g = gate[flagged]
        mixes = np.stack([g, 1.0 - g, np.zeros(len(g))], axis=1) * self._scale
        mixes *= scored.scale[flagged, None]
        position = np.full(len(docs), -1, dtype=np.intp)
        position[flagged] = np.arange(len(flagged))
        every = scored.bigrams
        mine = position[every.doc] >= 0
        bigrams = Bigrams(every.buckets[mine], position[every.doc[mine]], every.left[mine])
        rows = flagged.tolist()
        chosen = [docs[i] for i in rows]
        weights = token_weights(
            chosen, mixes, self._contrib, self._weights(bigrams.buckets), bigrams
        )
        return {i: top_spans(docs[i], w, SPAN_LABEL) for i, w in zip(rows, weights, strict=True)}
