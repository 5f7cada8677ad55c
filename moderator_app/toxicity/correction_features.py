"""What a community's correction looks at: words, word pieces and the lexicon's labels.

Features are named strings ("w:нуб", "c:<ну", "lbl:obscene") rather than hash buckets: the
correction stores only the few thousand a community's feedback touched, and a name can be
shown to the moderator ("'нуб' is usually fine here") and survives any change of hashing.
Words come from the shared normaliser, so "нуууб", "nub" typed in Latin look-alikes and "н.у.б"
are the same word here as they are for the lexicon.
"""

import math
import sys
from collections.abc import Mapping
from functools import lru_cache

from moderator_app.domain import ToxicityResult
from moderator_app.toxicity.normalize import tokenize

WORD = "w:"
PIECE = "c:"
LABEL = "lbl:"
PIECE_SIZE = 4
_MAX_WORDS = 200

Features = Mapping[str, float]


def word_pieces(word: str, size: int = PIECE_SIZE) -> list[str]:
    """Character n-grams of `<word>`, so inflected forms ("нубы", "нубов") share most pieces."""
    padded = f"<{word}>"
    if len(padded) <= size:
        return [padded]
    return [padded[i : i + size] for i in range(len(padded) - size + 1)]


def correction_features(text: str, base: ToxicityResult) -> dict[str, float]:
    """The features of one comment. Each group (words, pieces) has unit length, so a long
    comment does not outweigh a short one; labels are plain indicators."""
    words, pieces = _names(text)
    features: dict[str, float] = {}
    if words:
        features.update(dict.fromkeys(words, 1.0 / math.sqrt(len(words))))
    if pieces:
        features.update(dict.fromkeys(pieces, 1.0 / math.sqrt(len(pieces))))
    features.update((LABEL + label, 1.0) for label in base.labels)
    return features


@lru_cache(maxsize=8192)
def _names(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Word and piece feature names of a text. Cached, because every refit reads the same
    recent decisions again; names are interned, so the cache holds each name once."""
    words = list(dict.fromkeys(tok.text for tok in tokenize(text) if tok.text))[:_MAX_WORDS]
    pieces = dict.fromkeys(p for w in words for p in word_pieces(w))
    return (
        tuple(sys.intern(WORD + w) for w in words),
        tuple(sys.intern(PIECE + p) for p in pieces),
    )


def feature_kind(name: str) -> str:
    """'word', 'piece' or 'label' for a feature name."""
    if name.startswith(WORD):
        return "word"
    if name.startswith(LABEL):
        return "label"
    return "piece"


def feature_text(name: str) -> str:
    """The feature without its kind prefix: the word, the piece or the label."""
    return name.split(":", 1)[1] if ":" in name else name
