"""Comments → the sparse matrix the model trains on, built exactly as the runtime scores them."""

from collections.abc import Sequence
from itertools import chain

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from moderator_app.toxicity.features import DocFeatures, Featurizer
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.toxicity.normalize import tokenize
from moderator_app.toxicity.signals import DENSE_NAMES, dense_features

_BATCH = 2048


def vectorize(
    texts: Sequence[str], featurizer: Featurizer, lexicon: LexiconScorer
) -> sparse.csr_matrix:
    """One row per text: hashed features in columns [0, buckets), then the dense features."""
    buckets = featurizer.spec.buckets
    blocks = []
    for first in range(0, len(texts), _BATCH):
        batch = texts[first : first + _BATCH]
        featurizer.begin_batch()
        docs = []
        dense: list[list[float]] = []
        for text in batch:
            tokens = tokenize(text)
            doc = featurizer.doc(text, tokens)
            docs.append(doc)
            dense.append(dense_features(text, lexicon.score_tokens(tokens), doc))
        row, col = _unit_entries(docs, featurizer)
        bigrams = featurizer.bigrams(docs)
        row = np.concatenate([row, bigrams.doc])
        col = np.concatenate([col, bigrams.buckets])
        count = np.bincount(row, minlength=len(batch))
        scale = np.divide(1.0, np.sqrt(count), out=np.zeros(len(batch)), where=count > 0)
        hashed = sparse.coo_matrix(
            (scale[row].astype(np.float32), (row, col)), shape=(len(batch), buckets)
        ).tocsr()  # a bucket hit twice holds the sum, as the runtime adds it twice
        blocks.append(sparse.hstack([hashed, sparse.csr_matrix(np.asarray(dense, np.float32))]))
    if not blocks:
        return sparse.csr_matrix((0, buckets + len(DENSE_NAMES)), dtype=np.float32)
    return sparse.vstack(blocks, format="csr")


def _unit_entries(
    docs: Sequence[DocFeatures], featurizer: Featurizer
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """(row, bucket) of every unit feature of every comment: each comment's distinct units,
    each expanded into all of its features."""
    lengths = [len(d.units) for d in docs]
    occurrences = np.fromiter(chain.from_iterable(d.units for d in docs), np.intp, sum(lengths))
    occurrence_doc = np.repeat(np.arange(len(docs), dtype=np.intp), lengths)
    uids, local = np.unique(occurrences, return_inverse=True)
    flat, owner = featurizer.unit_buckets(uids.tolist())
    order = np.argsort(owner, kind="stable")
    flat = flat[order]
    count = np.bincount(owner, minlength=len(uids))
    start = np.cumsum(count) - count
    repeats = count[local]
    row = np.repeat(occurrence_doc, repeats)
    offset = np.arange(int(repeats.sum()), dtype=np.intp) - np.repeat(
        np.cumsum(repeats) - repeats, repeats
    )
    return row, flat[np.repeat(start[local], repeats) + offset]
