"""Features beside the hashed ones: what the lexicon found, and the tone of the punctuation.

The lexicon's verdict (its noisy-OR score and the strongest hit per label) lets the model lean
on the curated word list, and lets a word moderators add to it count at once. The share of Latin
words tells the languages apart. Shouting in capitals, "!!!", "?!", ")))", "(((", "..." and links
are what the normaliser's words leave out; they lift Russian ROC-AUC by about a point.
"""

import re
from math import log1p
from operator import itemgetter

from moderator_app.domain import ToxicityResult
from moderator_app.toxicity.features import DocFeatures

DENSE_NAMES = (
    "lexicon",
    "obscene",
    "insult",
    "threat",
    "identity_hate",
    "mild_rude",
    "latin",
    "upper",
    "exclaim",
    "question",
    "smile",
    "frown",
    "ellipsis",
    "link",
)

_LABEL_SLOTS = {name: k for k, name in enumerate(DENSE_NAMES[1:6])}
_UPPER = re.compile("[A-ZА-ЯЁ]")
_IS_LATIN = itemgetter(3)
"""`TokenInfo.latin`."""
# Counts enter as log(1 + n) / 4, about 0..1 like the rest: the solver converges 2x faster.
_COUNT_SCALE = 0.25


def dense_features(text: str, lexicon: ToxicityResult, doc: DocFeatures) -> list[float]:
    """The `DENSE_NAMES` features of one comment, in order."""
    strongest = [0.0] * len(_LABEL_SLOTS)
    for span in lexicon.spans:
        slot = _LABEL_SLOTS.get(span.label)
        if slot is not None and span.weight > strongest[slot]:
            strongest[slot] = span.weight
    infos = doc.infos
    latin = sum(map(_IS_LATIN, infos)) / len(infos) if infos else 0.0
    upper = len(_UPPER.findall(text)) / len(text) if text else 0.0
    link = "http://" in text or "https://" in text or "www." in text
    return [
        lexicon.score,
        *strongest,
        latin,
        upper,
        log1p(text.count("!")) * _COUNT_SCALE,
        log1p(text.count("?")) * _COUNT_SCALE,
        log1p(text.count(")")) * _COUNT_SCALE,
        log1p(text.count("(")) * _COUNT_SCALE,
        log1p(text.count("...")) * _COUNT_SCALE,
        1.0 if link else 0.0,
    ]
