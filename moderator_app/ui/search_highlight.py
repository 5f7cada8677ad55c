"""Where the inbox search matched, so the list and the detail pane can show it.

Mirrors how the store searches (`store.filters.fts_query` over an FTS5 `unicode61
remove_diacritics 2` index): the search is split into words, case and diacritics do not
count, every word matches whole tokens and the last one also matches as a prefix (from two
letters on). The
result is a list of [start, end) code-point ranges over the text; nothing is parsed as
markup.
"""

import re
import unicodedata
from functools import lru_cache

from PySide6.QtGui import QColor

from moderator_app.store.filters import is_prefix

_WORD = re.compile(r"\w+", re.UNICODE)

# A calm blue, distinct from the toxic-span reds and the review-span yellow.
SEARCH_BACKGROUND = QColor("#d3e0ff")
SEARCH_TEXT = QColor("#1b2a7a")

Run = tuple[int, int]


def fold(word: str) -> str:
    """Case- and diacritic-insensitive form of a word, as the FTS tokenizer compares it."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_terms(search: str) -> tuple[tuple[str, ...], str]:
    """The search's whole-word terms and its prefix term (the last word, unless it is too
    short to be one: `store.filters.is_prefix`), folded."""
    words = _WORD.findall(search)
    if not words:
        return (), ""
    if not is_prefix(words[-1]):
        return tuple(dict.fromkeys(fold(w) for w in words)), ""
    return tuple(dict.fromkeys(fold(w) for w in words[:-1])), fold(words[-1])


def match_runs(text: str, search: str) -> list[Run]:
    """The tokens of `text` that the search matched, as sorted [start, end) ranges."""
    return list(_match_runs(text, search))


@lru_cache(maxsize=4096)  # the inbox paints the same rows for the same search many times
def _match_runs(text: str, search: str) -> tuple[Run, ...]:
    whole, prefix = search_terms(search)
    if not whole and not prefix:
        return ()
    wanted = set(whole)
    runs: list[Run] = []
    for match in _WORD.finditer(text):
        token = fold(match.group())
        if token in wanted or (prefix and token.startswith(prefix)):
            runs.append((match.start(), match.end()))
    return tuple(runs)


def clip_runs(runs: list[Run], length: int) -> list[Run]:
    """The runs inside the first `length` characters (what survives eliding)."""
    return [(start, min(end, length)) for start, end in runs if start < length]


def segments(text: str, runs: list[Run]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, highlighted) parts, in order, covering all of it."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for run_start, end in sorted(runs):
        start = max(run_start, position)
        if end <= start:
            continue
        if start > position:
            parts.append((text[position:start], False))
        parts.append((text[start:end], True))
        position = end
    if position < len(text):
        parts.append((text[position:], False))
    return parts
