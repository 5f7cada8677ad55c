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

# Characters in these ranges that fold to themselves are left alone without a look; any other
# character (accents, "ё", fancy letters, emoji, invisible marks) is folded one by one.
_PLAIN_RANGES = ((0x0000, 0x04FF), (0x2000, 0x206F))


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


def _unusual_pattern() -> re.Pattern[str]:
    """A pattern finding any character that folding could change (one regex scan rules out
    most comments at once)."""
    ranges: list[tuple[int, int]] = []
    for low, high in _PLAIN_RANGES:
        for code in range(low, high + 1):
            if fold_char(chr(code)) != chr(code):
                continue
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[^{cls}]")


_UNUSUAL = _unusual_pattern()


def fold(text: str) -> tuple[str, Sequence[int]]:
    """The folded text, and for each of its characters the index it came from in `text`."""
    if _UNUSUAL.search(text) is None:
        return text, range(len(text))
    # Offsets stay a range while every unusual character folds to exactly one ("ё", accents,
    # emoji); they are listed one by one from the first that vanishes or expands ("ﬁ", "\u200b").
    parts: list[str] = []
    origin: list[int] = []
    resized = False
    done = 0
    for match in _UNUSUAL.finditer(text):
        i = match.start()
        folded = fold_char(text[i])
        parts.append(text[done:i])
        parts.append(folded)
        if len(folded) != 1:
            if not resized:
                origin.extend(range(i))
                resized = True
            else:
                origin.extend(range(done, i))
            origin.extend([i] * len(folded))
        elif resized:
            origin.extend(range(done, i + 1))
        done = i + 1
    parts.append(text[done:])
    if not resized:
        return "".join(parts), range(len(text))
    origin.extend(range(done, len(text)))
    return "".join(parts), tuple(origin)
