"""How one disguised word reads: its script, its canonical spelling, and other plausible readings.

A word is judged by the script most of its letters are in, so "дуpaк" (Latin p, a) is a Russian
word and "fuсk" (Cyrillic с) an English one; the odd letters and the digits or symbols standing
in for letters are then read in that script. A Latin word may be Russian typed by sound
("durak") or by shape ("cyka"), so it also gets Cyrillic readings for the matcher to try.
"""

import re
from enum import StrEnum
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple

from moderator_app.toxicity.charmaps import (
    CYRILLIC_FOR_LATIN,
    CYRILLIC_LEET,
    CYRILLIC_LEET_ALTERNATE,
    CYRILLIC_LETTERS,
    LATIN_FOR_CYRILLIC,
    LATIN_LEET,
    LATIN_LETTERS,
    VISUAL_LATIN,
)
from moderator_app.toxicity.translit import latin_to_cyrillic

_CYRILLIC_CHAR = re.compile("[" + "".join(sorted(CYRILLIC_LETTERS)) + "]")
_LATIN_CHAR = re.compile("[a-z]")
# Most words are in one script, lower case, with no digits or symbols: read as they are.
_ALL_CYRILLIC = re.compile("[" + "".join(sorted(CYRILLIC_LETTERS)) + "]+")
# More ambiguous stand-ins than this and only the all-or-none readings are tried.
_MAX_AMBIGUOUS = 3


class Script(StrEnum):
    CYRILLIC = "cyrillic"
    LATIN = "latin"
    OTHER = "other"


class Reading(NamedTuple):
    """`spelling` has exactly one character per character of the word, so offsets carry over.

    A named tuple: the tokenizer unpacks one per word."""

    script: Script
    spelling: str
    alternates: tuple[str, ...] = ()


_new_reading = tuple.__new__
"""Builds a `Reading` from a tuple, skipping the named tuple's argument handling."""


def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _literal_digits(word: str) -> frozenset[int]:
    """Positions of digits that are a number, not letters: "300т", "10k", "Дима2007"."""
    n = len(word)
    lead = 0
    while lead < n and word[lead].isdigit():
        lead += 1
    trail = 0
    while trail < n - lead and word[n - 1 - trail].isdigit():
        trail += 1
    keep: set[int] = set()
    if lead >= 2:
        keep.update(range(lead))
    if trail >= 2:
        keep.update(range(n - trail, n))
    return frozenset(keep)


def _cyrillic(word: str, literal: frozenset[int], swapped: frozenset[int] = frozenset()) -> str:
    """Cyrillic spelling; positions in `swapped` take the second reading of their stand-in."""
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        low = _lower(ch)
        if low in CYRILLIC_LETTERS or i in literal:
            out.append(low)
        elif ch == "b" and i == last:
            out.append("ь")  # a final lower-case "b" is a soft sign: "мразb"
        elif ch in CYRILLIC_FOR_LATIN:
            out.append(CYRILLIC_FOR_LATIN[ch])
        elif i in swapped:
            out.append(CYRILLIC_LEET_ALTERNATE[ch])
        else:
            out.append(CYRILLIC_LEET.get(ch, low))
    return "".join(out)


def _cyrillic_alternates(word: str) -> list[str]:
    """Every digit read as a letter, in each mix of the two readings of "3" ("3@36@л" is
    "заебал": one "3" is "з", the other "е"); just all-or-none when there are many."""
    ambiguous = [i for i, ch in enumerate(word) if ch in CYRILLIC_LEET_ALTERNATE]
    if len(ambiguous) <= _MAX_AMBIGUOUS:
        sizes = range(len(ambiguous) + 1)
        mixes = [frozenset(c) for r in sizes for c in combinations(ambiguous, r)]
    else:
        mixes = [frozenset(), frozenset(ambiguous)]
    return [_cyrillic(word, frozenset(), mix) for mix in mixes]


def _latin(word: str, literal: frozenset[int]) -> str:
    out: list[str] = []
    for i, ch in enumerate(word):
        low = _lower(ch)
        if low in LATIN_LETTERS or i in literal:
            out.append(low)
        elif low in LATIN_FOR_CYRILLIC:
            out.append(LATIN_FOR_CYRILLIC[low])
        else:
            out.append(LATIN_LEET.get(ch, low))
    return "".join(out)


def _unique(first: str, candidates: list[str]) -> tuple[str, ...]:
    seen = {first}
    out: list[str] = []
    for c in candidates:
        if c not in seen:
            seen.add(c)
            out.append(c)
    return tuple(out)


def read_new_word(word: str) -> Reading:
    """`read_word` without its cache, for a caller that keeps readings itself."""
    low = word.lower()
    if _ALL_CYRILLIC.fullmatch(low) is not None and len(low) == len(word):
        return _new_reading(Reading, (Script.CYRILLIC, low, ()))  # the usual case, short-cut
    if len(low) != len(word):
        low = "".join(_lower(ch) for ch in word)
    cyrillic = len(_CYRILLIC_CHAR.findall(low))
    latin = len(_LATIN_CHAR.findall(low))
    if cyrillic and cyrillic >= latin:
        if cyrillic == len(low):
            return Reading(Script.CYRILLIC, low)
        spelling = _cyrillic(word, _literal_digits(word))
        if any(ch in CYRILLIC_LEET for ch in word):
            return Reading(Script.CYRILLIC, spelling, _unique(spelling, _cyrillic_alternates(word)))
        return Reading(Script.CYRILLIC, spelling)
    if latin:
        if latin == len(low):
            spelling = low
            candidates = []
        else:
            spelling = _latin(word, _literal_digits(word))
            candidates = [_latin(word, frozenset())]
        candidates.append(latin_to_cyrillic(low))
        if all(ch in VISUAL_LATIN for ch in word if _lower(ch) in LATIN_LETTERS):
            candidates.append(_cyrillic(word, frozenset()))
        return Reading(Script.LATIN, spelling, _unique(spelling, candidates))
    return Reading(Script.OTHER, low)


@lru_cache(maxsize=1 << 16)
def read_word(word: str) -> Reading:
    """Read one word (folded, case kept) by its majority script. Cached: words repeat."""
    return read_new_word(word)
