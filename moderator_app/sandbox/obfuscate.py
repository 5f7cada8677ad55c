"""The tricks people use to slip swearing past filters, so the sandbox stream contains them.

Latin look-alikes inside Cyrillic words ("дуpaк"), digits and symbols for letters
("д0лб0@б"), stretched letters ("тупоооой"), separators ("д.у.р.а.к"), masks ("f*cking")
and transliteration ("ty durak").
"""

import random
from collections.abc import Callable, Mapping

_HOMOGLYPHS = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X",
}  # fmt: skip
_LEET_RU = {"о": "0", "а": "@", "е": "3", "з": "3", "б": "6", "ч": "4"}
_LEET_EN = {"o": "0", "i": "1", "a": "@", "e": "3", "s": "$", "t": "7"}
_VOWELS = set("аеёиоуыэюяaeiouy")
_SEPARATORS = (".", "-", "*", " ", "_")
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip

Trick = Callable[[str, random.Random], str]


def _substitute(word: str, rng: random.Random, table: Mapping[str, str]) -> str:
    positions = [i for i, ch in enumerate(word) if ch in table]
    if not positions:
        return word
    chosen = set(rng.sample(positions, rng.randint(1, len(positions))))
    return "".join(table[ch] if i in chosen else ch for i, ch in enumerate(word))


def homoglyphs(word: str, rng: random.Random) -> str:
    """Swap some Cyrillic letters for identical-looking Latin ones: "дурак" → "дуpaк"."""
    return _substitute(word, rng, _HOMOGLYPHS)


def leet(word: str, rng: random.Random) -> str:
    """Digits and symbols for letters: "долбоеб" → "д0лб0@б"-like, "idiot" → "1d10t"."""
    table = _LEET_RU if any("а" <= ch.lower() <= "я" for ch in word) else _LEET_EN
    return _substitute(word, rng, table)


def stretch(word: str, rng: random.Random) -> str:
    """Repeat one vowel: "тупой" → "тупоооой"."""
    positions = [i for i, ch in enumerate(word) if ch.lower() in _VOWELS]
    if not positions:
        return word
    i = rng.choice(positions)
    return word[:i] + word[i] * rng.randint(3, 6) + word[i + 1 :]


def separate(word: str, rng: random.Random) -> str:
    """Put a separator between letters: "д.у.р.а.к"."""
    return rng.choice(_SEPARATORS).join(word)


def mask(word: str, rng: random.Random) -> str:
    """Star out inner letters: "f*cking", "х**ня"."""
    if len(word) < 3:
        return word
    start = rng.randint(1, len(word) - 2)
    length = rng.randint(1, min(2, len(word) - 1 - start))
    return word[:start] + "*" * length + word[start + length :]


def transliterate(text: str) -> str:
    """Russian written in Latin letters, as people type it without a Cyrillic layout."""
    out = []
    for ch in text:
        latin = _TRANSLIT.get(ch.lower())
        if latin is None:
            out.append(ch)
        else:
            out.append(latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


TRICKS: tuple[Trick, ...] = (homoglyphs, leet, stretch, separate, mask)


def disguise(word: str, rng: random.Random) -> str:
    """One trick, sometimes two (a stretched word with look-alikes is common)."""
    result = rng.choice(TRICKS)(word, rng)
    if rng.random() < 0.2:
        result = rng.choice((homoglyphs, leet))(result, rng)
    return result
