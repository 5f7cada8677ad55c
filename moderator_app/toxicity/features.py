"""What the trained model sees of a comment: hashed features of the normaliser's words.

The model reads the same canonical words as the lexicon (`normalize.tokenize`), so look-alike
letters, stand-in digits, stretched letters and spelled-out words are undone before it sees them.
Each word becomes a *unit*: its character n-grams (with word boundaries) and the word itself,
hashed into a fixed number of buckets. A Latin word also yields units for its Cyrillic readings
("durak" → "дурак"), in the same buckets as Cyrillic words, so Russian typed in Latin letters
lands on the weights learned from Russian. Neighbouring words add hashed bigrams.

A comment's vector is the sum of its distinct units' vectors plus its bigrams (repeats
counted), scaled by one over the square root of its feature count. So a linear model's score is
a sum of per-unit contributions, which the runtime keeps per unit id, plus bigram weights looked
up a batch at a time; the training script builds the very same vectors as a sparse matrix.
"""

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from moderator_app.toxicity.charmaps import CYRILLIC_FOR_LATIN, CYRILLIC_LETTERS
from moderator_app.toxicity.normalize import Token, tokenize
from moderator_app.toxicity.spelling import Script

_CYRILLIC = re.compile("[" + "".join(sorted(CYRILLIC_LETTERS)) + "]", re.IGNORECASE)
# Runs of 3+ of one letter collapse, as in `normalize.Token.text`.
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
_TRIPLE = re.compile(r"(.)\1\1")
_BOUNDARY = " "
# Seeds, one per kind of feature, so "кот" the trigram and "кот" the word land in different
# buckets.
_CHAR_SEED = 0x94D049BB133111EB
_U64 = (1 << 64) - 1
_WORD_SEED = 0x5BD1E995
_ROLL = np.uint64(0x100000001B3)
_BOUNDARY_CODE = np.uint64(ord(_BOUNDARY))
_BIGRAM_SEED = np.uint64(0x2545F4914F6CDD1D)
_MIX_LEFT = np.uint64(0x9E3779B97F4A7C15)
_MIX_OUT = np.uint64(0xBF58476D1CE4E5B9)
_CACHE_LIMIT = 1 << 18
HASH_SCHEME = "poly64-ngrams+crc32-words-v1"
"""Char n-grams: polynomial rolling hash mod 2^64, mixed, high bits; words: crc32, low bits;
bigrams: the two words' crc32s mixed, high bits. Changing any of it needs a new name."""


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    """Everything that decides which bucket a feature lands in; stored in the model file."""

    hash_bits: int = 20
    char_min: int = 1
    char_max: int = 5
    word_bigrams: bool = True
    readings: bool = True
    """Latin words also yield their Cyrillic readings as units."""

    @property
    def buckets(self) -> int:
        return 1 << self.hash_bits

    def to_json(self) -> dict[str, Any]:
        return {
            "hash": HASH_SCHEME,
            "hash_bits": self.hash_bits,
            "char_min": self.char_min,
            "char_max": self.char_max,
            "word_bigrams": self.word_bigrams,
            "readings": self.readings,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "FeatureSpec":
        if data.get("hash") != HASH_SCHEME:
            raise ValueError(f"unknown feature hash {data.get('hash')!r}")
        spec = cls(
            hash_bits=int(data["hash_bits"]),
            char_min=int(data["char_min"]),
            char_max=int(data["char_max"]),
            word_bigrams=bool(data["word_bigrams"]),
            readings=bool(data["readings"]),
        )
        if not 8 <= spec.hash_bits <= 24 or not 1 <= spec.char_min <= spec.char_max <= 8:
            raise ValueError(f"feature parameters out of range: {data}")
        return spec


class TokenInfo(NamedTuple):
    """What the model takes from one token; cached per spelling, so shared between tokens."""

    units: tuple[int, ...]
    """Ids of its units (see `Featurizer.unit`): its word first, then its Cyrillic readings."""
    word_hash: int
    """The hash of its word, for bigrams."""
    ru_hash: int
    """The hash of its first Cyrillic reading (its word's if it has none), for bigrams."""
    latin: bool


_WORD_HASH = itemgetter(1)
_RU_HASH = itemgetter(2)


class DocFeatures(NamedTuple):
    """One comment's features before weighting (a named tuple: one is made per comment)."""

    tokens: Sequence[Token]
    units: list[int]
    """Distinct unit ids, in order of first appearance."""
    infos: list[TokenInfo]
    """One per token."""


class Bigrams(NamedTuple):
    """A batch's bigrams (repeats included): bucket, document, and left token of each."""

    buckets: NDArray[np.intp]
    doc: NDArray[np.intp]
    left: NDArray[np.intp]


_new_info = tuple.__new__
"""Builds a `TokenInfo` from a tuple, skipping the named tuple's argument handling."""


def canonical(spelling: str) -> str:
    """A spelling with stretched letters collapsed ("тупоооой" → "тупой")."""
    if _TRIPLE.search(spelling) is None:  # the usual case, and a cheaper test than _STRETCHED
        return spelling
    return _STRETCHED.sub(r"\1", spelling)


def holds_cyrillic(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a Cyrillic letter (a Latin word that does is "mixed")."""
    return _CYRILLIC.search(text, start, end) is not None


def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"), _WORD_SEED)


class Featurizer:
    """Turns text into units and bigrams, and units into bucket ids.

    Units get small integer ids, so a scorer can keep per-unit numbers in arrays. The tables
    are caches: `begin_batch` empties them when full and bumps `generation`, after which old
    ids mean nothing.
    """

    def __init__(self, spec: FeatureSpec) -> None:
        self.spec = spec
        self.generation = 0
        self._mask = spec.buckets - 1
        self._unit_ids: dict[str, int] = {}
        self._units: list[str] = []
        self._plain: dict[str, TokenInfo] = {}
        self._latin: dict[tuple[str, tuple[str, ...], bool], TokenInfo] = {}

    def begin_batch(self) -> None:
        """Start a batch: empty the tables if they have grown past their limit."""
        if len(self._units) > _CACHE_LIMIT:
            self._unit_ids.clear()
            self._units.clear()
            self._plain.clear()
            self._latin.clear()
            self.generation += 1

    @property
    def unit_count(self) -> int:
        return len(self._units)

    def unit(self, text: str) -> int:
        """The id of a unit (a canonical word or a reading), assigned on first sight."""
        uid = self._unit_ids.get(text)
        if uid is None:
            uid = self._unit_ids[text] = len(self._units)
            self._units.append(text)
        return uid

    def unit_text(self, uid: int) -> str:
        return self._units[uid]

    def doc(self, text: str, tokens: Sequence[Token] | None = None) -> DocFeatures:
        """The features of one comment (pass `tokens` if it is already tokenized)."""
        toks = tokenize(text) if tokens is None else tokens
        plain = self._plain.get
        latin = Script.LATIN if self.spec.readings else None
        infos = [
            self.latin_info(tok.spelling, tok.alternates, holds_cyrillic(text, tok.start, tok.end))
            if tok.script is latin
            else plain(tok.spelling) or self.plain_info(tok.spelling, tok.script)
            for tok in toks
        ]
        units = list(dict.fromkeys(chain.from_iterable(info[0] for info in infos)))
        return DocFeatures(toks, units, infos)

    def unit_buckets(self, uids: Sequence[int]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        """(bucket, owner) of every feature of these units, repeats included: each character
        n-gram of " unit " (a lone boundary is not one), then the unit as a whole word; `owner`
        is the feature's unit's position in `uids`. Hashed for all units at once: a polynomial
        rolling hash per n-gram length, finished by a 64-bit mixer, high bits kept."""
        texts = [self._units[u] for u in uids]
        if not texts:
            empty = np.zeros(0, dtype=np.intp)
            return empty, empty
        joined = "".join(f"{_BOUNDARY}{t}{_BOUNDARY}" for t in texts)
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        owner = np.repeat(np.arange(len(texts), dtype=np.intp), [len(t) + 2 for t in texts])
        buckets: list[NDArray[np.intp]] = []
        owners: list[NDArray[np.intp]] = []
        rolling = np.zeros(len(codes), dtype=np.uint64)
        for n in range(1, self.spec.char_max + 1):
            m = len(codes) - n + 1
            if m <= 0:  # longer than all the units together (a lone new "я"): no more n-grams
                break
            rolling = rolling[:m] * _ROLL + codes[n - 1 : n - 1 + m]
            if n < self.spec.char_min:
                continue
            valid = owner[:m] == owner[n - 1 : n - 1 + m]
            if n == 1:
                valid &= codes != _BOUNDARY_CODE
            buckets.append(self._finish(rolling[valid], n))
            owners.append(owner[:m][valid])
        mask = self._mask
        buckets.append(np.array([_word_hash(t) & mask for t in texts], dtype=np.intp))
        owners.append(np.arange(len(texts), dtype=np.intp))
        return np.concatenate(buckets), np.concatenate(owners)

    def _finish(self, rolling: NDArray[np.uint64], n: int) -> NDArray[np.intp]:
        mixed = rolling ^ np.uint64((_CHAR_SEED * n) & _U64)
        mixed = (mixed ^ (mixed >> np.uint64(33))) * _MIX_OUT
        mixed = (mixed ^ (mixed >> np.uint64(29))) * _MIX_LEFT
        return (mixed >> np.uint64(64 - self.spec.hash_bits)).astype(np.intp)

    def bigrams(self, docs: Sequence[DocFeatures]) -> Bigrams:
        """Every pair of neighbouring words in each comment, hashed; where a word has a Cyrillic
        reading, the pairs of readings too ("ty durak" also gives "ты дурак")."""
        empty = np.zeros(0, dtype=np.intp)
        if not self.spec.word_bigrams:
            return Bigrams(empty, empty, empty)
        lengths = np.fromiter((len(d.infos) for d in docs), dtype=np.intp, count=len(docs))
        total = int(lengths.sum())
        if total < 2:
            return Bigrams(empty, empty, empty)
        infos = list(chain.from_iterable(d.infos for d in docs))
        words = np.fromiter(map(_WORD_HASH, infos), np.uint64, total)
        ru = np.fromiter(map(_RU_HASH, infos), np.uint64, total)
        doc = np.repeat(np.arange(len(docs), dtype=np.intp), lengths)
        starts = np.cumsum(lengths) - lengths
        position = np.arange(total, dtype=np.intp) - np.repeat(starts, lengths)
        pair = doc[:-1] == doc[1:]
        read = ru != words
        pair_ru = pair & (read[:-1] | read[1:])
        buckets = np.concatenate(
            [
                self._pair_buckets(words[:-1][pair], words[1:][pair]),
                self._pair_buckets(ru[:-1][pair_ru], ru[1:][pair_ru]),
            ]
        )
        return Bigrams(
            buckets,
            np.concatenate([doc[:-1][pair], doc[:-1][pair_ru]]),
            np.concatenate([position[:-1][pair], position[:-1][pair_ru]]),
        )

    def _pair_buckets(
        self, left: NDArray[np.uint64], right: NDArray[np.uint64]
    ) -> NDArray[np.intp]:
        """Bucket of each (left, right) word-hash pair: a multiplicative hash, high bits kept."""
        mixed = (left * _MIX_LEFT + right) ^ _BIGRAM_SEED
        mixed = (mixed ^ (mixed >> np.uint64(29))) * _MIX_OUT
        return (mixed >> np.uint64(64 - self.spec.hash_bits)).astype(np.intp)

    def plain_info(self, spelling: str, script: Script) -> TokenInfo:
        """The info of a token read as it is (not a Latin word with readings), cached."""
        info = self._plain.get(spelling)
        if info is None:
            word = canonical(spelling)
            uid = self._unit_ids.get(word)
            if uid is None:
                uid = self._unit_ids[word] = len(self._units)
                self._units.append(word)
            digest = _word_hash(word)
            info = _new_info(TokenInfo, ((uid,), digest, digest, script is Script.LATIN))
            self._plain[spelling] = info
        return info

    def latin_info(self, spelling: str, alternates: tuple[str, ...], mixed: bool) -> TokenInfo:
        """A Latin word's units: itself, then its Cyrillic readings, the likeliest first. A word
        that mixes in Cyrillic letters ("dуpak") was typed as Russian with letters swapped, so
        it reads letter by letter ("дурак") first; otherwise by sound ("durak"), then by shape
        ("cyka"). Cached."""
        key = (spelling, alternates, mixed)
        cached = self._latin.get(key)
        if cached is not None:
            return cached
        word = canonical(spelling)
        found = [canonical(a) for a in alternates if _CYRILLIC.search(a)]
        if mixed:
            swapped = "".join(CYRILLIC_FOR_LATIN.get(ch, ch) for ch in spelling)
            found = [canonical(swapped), *reversed(found)]
        readings = list(dict.fromkeys(found))
        digest = _word_hash(word)
        ru_digest = _word_hash(readings[0]) if readings else digest
        info = TokenInfo(tuple(self.unit(u) for u in (word, *readings)), digest, ru_digest, True)
        self._latin[key] = info
        return info
