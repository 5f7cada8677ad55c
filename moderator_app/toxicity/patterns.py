"""Word patterns of the lexicon, and a fast index that finds which of them a word matches.

A pattern is one word with optional stars: "идиот" (the whole word), "дурак*" (words starting
with it: дурака, дураки), "*хуй*" (anywhere inside: нахуй, похуй), "*shit" (words ending with it).
Braces list variants: "ху{й,е,я}" is three patterns. Matching ignores soft signs and is
run-length aware: a letter stretched to 3+ matches one or two ("тупоооой" is "тупой", "asssss"
is "ass"), but otherwise doubles must agree ("as" is not "ass", "assess" is not "asses").
A word with stars in it ("бл*ть") matches a pattern when each star can stand for the pattern's
letter there.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import product

from moderator_app.toxicity.key_filter import KeyFilter

_BRACES = re.compile(r"\{([^{}]*)\}")
_DOUBLED = re.compile(r"(.)\1")
_IGNORED = "ь"
MASK = "*"
STRETCH = 3
MAX_MASKED_WORD = 40
"""A run this long is a stretched letter ("тупоооой"), whatever the word's own spelling."""


class Mode(Enum):
    EXACT = "exact"
    PREFIX = "prefix"
    SUFFIX = "suffix"
    INFIX = "infix"


Runs = tuple[int, ...] | None
"""Length of each run of a squeezed key; None when every run is 1 (the common case)."""


def match_key(spelling: str) -> tuple[str, Runs]:
    """A spelling without soft signs, each run of one letter squeezed to one, plus run lengths."""
    s = spelling.replace(_IGNORED, "")
    if _DOUBLED.search(s) is None:
        return s, None
    chars: list[str] = []
    runs: list[int] = []
    for ch in s:
        if chars and chars[-1] == ch:
            runs[-1] += 1
        else:
            chars.append(ch)
            runs.append(1)
    return "".join(chars), tuple(runs)


@dataclass(frozen=True, slots=True)
class WordPattern:
    text: str
    """The letters as written in the lexicon, without stars."""
    mode: Mode
    key: str = field(init=False)
    runs: Runs = field(init=False)

    def __post_init__(self) -> None:
        key, runs = match_key(self.text)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "runs", runs)


def expand_braces(pattern: str) -> list[str]:
    """Brace variants spelled out: "ху{й,я}*" → ["хуй*", "хуя*"]; several groups multiply."""
    parts = _BRACES.split(pattern)
    literals = parts[0::2]
    choices = [group.split(",") for group in parts[1::2]]
    out: list[str] = []
    for picked in product(*choices):
        pieces = [literals[0]]
        for choice, literal in zip(picked, literals[1:], strict=True):
            pieces.extend((choice, literal))
        out.append("".join(pieces))
    return out


def parse_word(word: str) -> WordPattern:
    """One word of a lexicon pattern: "*root*", "stem*", "*ending" or "word"."""
    text = word.strip().lower().replace("ё", "е")
    head = text.startswith(MASK)
    tail = text.endswith(MASK) and len(text) > 1
    core = text.strip(MASK)
    if not core or MASK in core:
        raise ValueError(f"bad lexicon word {word!r}")
    if tail and core.endswith(_IGNORED):
        # soft signs are ignored, so "сучь*" would quietly mean "суч*" (and match "сучок")
        raise ValueError(f"lexicon word {word!r} ends with a soft sign before '*'")
    if head and tail:
        return WordPattern(core, Mode.INFIX)
    if head:
        return WordPattern(core, Mode.SUFFIX)
    if tail:
        return WordPattern(core, Mode.PREFIX)
    return WordPattern(core, Mode.EXACT)


def _runs_fit(word_runs: Runs, offset: int, pattern: WordPattern) -> bool:
    """Whether the word's letter runs at `offset` fit the pattern's: the same length, or
    stretched (3+). A double where the pattern has a single letter is another word ("assess" is
    not "asses"), except where the word may run on past the pattern ("ебанный" is "ебан*")."""
    if word_runs is None:
        return pattern.runs is None
    last = len(pattern.key) - 1
    open_start = pattern.mode in (Mode.SUFFIX, Mode.INFIX)
    open_end = pattern.mode in (Mode.PREFIX, Mode.INFIX)
    for k in range(last + 1):
        have = word_runs[offset + k]
        need = 1 if pattern.runs is None else pattern.runs[k]
        if have < need:
            return False
        if have == need or have >= STRETCH:
            continue
        if (k == last and open_end) or (k == 0 and open_start):
            continue
        return False
    return True


def _masked_fits(word: str, text: str, offset: int) -> bool:
    """Whether `text` fits `word` at `offset`, a star standing for any one letter; at least two
    letters must really match, and no fewer than the stars."""
    letters = stars = 0
    for k, ch in enumerate(text):
        have = word[offset + k]
        if have == MASK:
            stars += 1
        elif have != ch:
            return False
        else:
            letters += 1
    return letters >= 2 and letters >= stars


_ANCHORED = (Mode.EXACT, Mode.PREFIX)
_OPEN_ENDED = (Mode.PREFIX, Mode.INFIX)


def key_filter(patterns: Iterable[WordPattern]) -> KeyFilter:
    """A quick test for spellings none of `patterns` can match (see `toxicity.key_filter`)."""
    return KeyFilter(
        ((p.key, p.mode in _ANCHORED, p.mode in _OPEN_ENDED) for p in patterns), _IGNORED
    )


class _Node:
    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[tuple[int, WordPattern]] = []


def _insert(root: _Node, pid: int, pattern: WordPattern) -> None:
    node = root
    for ch in pattern.key:
        node = node.children.setdefault(ch, _Node())
    node.ends.append((pid, pattern))


class PatternIndex:
    """Finds the patterns a word matches: tries for whole/start-of-word and inside-word keys."""

    def __init__(self, patterns: Sequence[WordPattern]) -> None:
        self.patterns = tuple(patterns)
        self._anchored = _Node()
        self._floating = _Node()
        self._floating_first = frozenset(
            p.key[0] for p in self.patterns if p.mode in (Mode.INFIX, Mode.SUFFIX)
        )
        for pid, pattern in enumerate(self.patterns):
            anchored = pattern.mode in (Mode.EXACT, Mode.PREFIX)
            _insert(self._anchored if anchored else self._floating, pid, pattern)
        self._filter = key_filter(self.patterns)

    def match(self, spelling: str) -> list[int]:
        """Ids (positions in `patterns`) of the patterns `spelling` matches, ascending."""
        if not spelling:
            return []
        if MASK in spelling:
            # masked matching tries every pattern at every offset; no real word is this long
            return self._match_masked(spelling) if len(spelling) <= MAX_MASKED_WORD else []
        if not self._filter.might_match(spelling):
            return []  # most words: no key anywhere in them
        key, runs = match_key(spelling)
        found: set[int] = set()
        self._walk(self._anchored, key, runs, 0, found)
        first = self._floating_first
        for start, ch in enumerate(key):
            if ch in first:
                self._walk(self._floating, key, runs, start, found)
        return sorted(found)

    @staticmethod
    def _walk(root: _Node, key: str, runs: Runs, start: int, found: set[int]) -> None:
        node = root
        n = len(key)
        for i in range(start, n):
            nxt = node.children.get(key[i])
            if nxt is None:
                return
            node = nxt
            for pid, pattern in node.ends:
                mode = pattern.mode
                if mode in (Mode.EXACT, Mode.SUFFIX) and i != n - 1:
                    continue
                if _runs_fit(runs, start, pattern):
                    found.add(pid)

    def _match_masked(self, word: str) -> list[int]:
        """The slow path for masked words ("f*ck"); rare, and callers cache per word."""
        found: list[int] = []
        n = len(word)
        for pid, pattern in enumerate(self.patterns):
            text = pattern.text
            m = len(text)
            if m > n:
                continue
            if pattern.mode is Mode.EXACT:
                offsets: Sequence[int] = (0,) if m == n else ()
            elif pattern.mode is Mode.PREFIX:
                offsets = (0,)
            elif pattern.mode is Mode.SUFFIX:
                offsets = (n - m,)
            else:
                offsets = range(n - m + 1)
            if any(_masked_fits(word, text, off) for off in offsets):
                found.append(pid)
        return found
