"""Character folding that remembers where every folded character came from.

Fancy letters ("ｆｕｃｋ", "𝐟𝐮𝐜𝐤"), stress marks ("идиóт") and invisible characters inside words
("ху\u200bй") are all ways past a filter. Folding removes them while keeping, for each folded
character, its index in the original text, so matches can be shown where the user wrote them.
Case is kept: it decides some look-alikes ("B" is "В", "b" is not).
"""

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# Folded before decomposition, which would split "й" into "и" plus a breve.
_KEEP = {"й": "й", "Й": "Й", "ё": "е", "Ё": "Е"}

# The fast path covers Latin, Cyrillic and general punctuation; anything else goes char by char.
_FAST_RANGES = ((0x0000, 0x04FF), (0x2000, 0x206F))


@lru_cache(maxsize=1 << 16)
def fold_char(ch: str) -> str:
    """One character folded: compatibility-decomposed, without accents or invisible marks."""
    kept = _KEEP.get(ch)
    if kept is not None:
        return kept
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(
        c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )


def _fast_table() -> tuple[dict[int, str], re.Pattern[str]]:
    """A str.translate table for characters that fold to exactly one character, and a pattern
    finding any character that does not (those need the offset-tracking slow path)."""
    table: dict[int, str] = {}
    for low, high in _FAST_RANGES:
        for code in range(low, high + 1):
            folded = fold_char(chr(code))
            if len(folded) == 1:
                table[code] = folded
    ranges: list[tuple[int, int]] = []
    for code in sorted(table):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return table, re.compile(f"[^{cls}]")


_TABLE, _SLOW_CHAR = _fast_table()


def fold(text: str) -> tuple[str, Sequence[int]]:
    """The folded text, and for each of its characters the index it came from in `text`."""
    if _SLOW_CHAR.search(text) is None:
        return text.translate(_TABLE), range(len(text))
    parts: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        parts.append(folded)
        origin.extend([i] * len(folded))
    return "".join(parts), tuple(origin)
