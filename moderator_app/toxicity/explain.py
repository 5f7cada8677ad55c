"""The words that drove a flagged comment's score, worked out for a whole batch at once.

A comment's score is a sum over its units and bigrams, so each word's share is what its units
add (each unit's per-head weights, mixed as the comment's heads were) plus half of each bigram
it is in. That is a few numpy operations for every flagged comment of a batch together; only
picking each comment's top words is done per comment.
"""

import heapq
from collections.abc import Sequence
from itertools import chain

import numpy as np
from numpy.typing import NDArray

from moderator_app.domain import Span
from moderator_app.toxicity.features import Bigrams, DocFeatures

_MAX_SPANS = 4
# A word is shown when it adds this much to the (calibrated) log-odds, and at least this share
# of what the strongest word adds: the few words that made the difference, not every word.
_MIN_CONTRIBUTION = 0.2
_MIN_SHARE = 0.3


def token_weights(
    docs: Sequence[DocFeatures],
    mixes: NDArray[np.float64],
    contrib: NDArray[np.float64],
    bigram_weights: NDArray[np.float32],
    bigrams: Bigrams,
) -> list[list[float]]:
    """Per comment of `docs`, what each of its tokens adds to the score.

    `mixes` holds one row per comment: the weight of each head's raw score in its log-odds.
    `contrib` holds each unit's summed weights per head (a row per unit), `bigrams` the batch's
    bigrams with `doc` counted in `docs`, and `bigram_weights` their weights per head (a row
    per bigram)."""
    counts = [len(doc.infos) for doc in docs]
    units = [info[0] for doc in docs for info in doc.infos]
    total = len(units)
    per_token = np.fromiter(map(len, units), np.intp, total)
    uid = np.fromiter(chain.from_iterable(units), np.intp, int(per_token.sum()))
    token = np.repeat(np.arange(total, dtype=np.intp), per_token)
    mix = mixes[np.repeat(np.arange(len(docs), dtype=np.intp), counts)[token]]
    weights = np.bincount(token, weights=_mixed(contrib[uid], mix), minlength=total)
    first = np.cumsum(counts, dtype=np.intp) - np.asarray(counts, dtype=np.intp)
    left = first[bigrams.doc] + bigrams.left
    halves = 0.5 * _mixed(bigram_weights, mixes[bigrams.doc])
    weights += np.bincount(left, weights=halves, minlength=total)
    weights += np.bincount(left + 1, weights=halves, minlength=total)
    flat = weights.tolist()
    return [flat[start : start + n] for start, n in zip(first.tolist(), counts, strict=True)]


def _mixed(by_head: NDArray[np.floating], mix: NDArray[np.float64]) -> NDArray[np.float64]:
    """Item i of the result: sum over heads h of by_head[i, h] * mix[i, h] (`by_head` may have
    more columns than `mix`: padding)."""
    result: NDArray[np.float64] = (by_head[:, : mix.shape[1]] * mix).sum(axis=1)
    return result


def top_spans(doc: DocFeatures, weights: Sequence[float], label: str) -> tuple[Span, ...]:
    """The tokens that pushed the score up most, as spans of the original text."""
    top = max(weights, default=0.0)
    if top < _MIN_CONTRIBUTION:
        return ()
    floor = max(_MIN_CONTRIBUTION, _MIN_SHARE * top)
    chosen = heapq.nlargest(_MAX_SPANS, range(len(weights)), key=weights.__getitem__)
    tokens = doc.tokens
    spans = [
        Span(tokens[t].start, tokens[t].end, label, round(weights[t] / top, 3))
        for t in chosen
        if weights[t] >= floor
    ]
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))
