"""Disguised copies of Russian training texts, so the model learns to see through disguises.

The normaliser undoes most tricks, but not perfectly (a word with more Latin look-alikes than
Cyrillic letters is read as Latin; transliteration has no single scheme). Training on disguised
copies makes the model hold up where the normaliser's guess is off. Every function takes a seeded
`random.Random`, so the augmented set is the same on every run.
"""

import random
import re

# Transliteration schemes people actually use; each letter may list variants to pick from.
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "ъ": "", "ь": "",
}  # fmt: skip
SCHEMES: dict[str, dict[str, tuple[str, ...]]] = {
    # chat style: "ty debil", "idi nahui"
    "chat": {
        **{k: (v,) for k, v in _COMMON.items()},
        "ё": ("yo", "e"), "ж": ("zh", "j"), "й": ("y", "i", "j"), "х": ("h", "kh", "x"),
        "ц": ("ts", "c"), "ч": ("ch", "4"), "ш": ("sh", "w"), "щ": ("sch", "sh"), "ы": ("y", "i"),
        "ь": ("", "'"), "э": ("e",), "ю": ("yu", "u"), "я": ("ya", "ia"),
    },
    # GOST 7.79 system B, as typed
    "gost": {
        **{k: (v,) for k, v in _COMMON.items()},
        "ё": ("yo",), "ж": ("zh",), "й": ("j",), "х": ("x", "h"), "ц": ("c", "cz"), "ч": ("ch",),
        "ш": ("sh",), "щ": ("shh",), "ы": ("y'", "y"), "ъ": ("''", ""), "ь": ("'",),
        "э": ("e'", "e"), "ю": ("yu", "ju"), "я": ("ya", "ja"),
    },
    # passports (ICAO 9303)
    "icao": {
        **{k: (v,) for k, v in _COMMON.items()},
        "ж": ("zh",), "й": ("i",), "х": ("kh",), "ц": ("ts",), "ч": ("ch",), "ш": ("sh",),
        "щ": ("shch",), "ы": ("y",), "ъ": ("ie",), "э": ("e",), "ю": ("iu",), "я": ("ia",),
    },
}  # fmt: skip

# Cyrillic letters and the Latin letters (or symbols) that look like them.
LOOKALIKES = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k", "м": "m",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y",
}  # fmt: skip
LEET = {"о": "0", "а": "@", "з": "3", "и": "1", "с": "$", "ч": "4", "б": "6"}

_WORD = re.compile(r"[^\W\d_]+")
_SEPARATORS = (".", " ", "_", "-", "*")


def transliterate(text: str, rng: random.Random, scheme: str | None = None) -> str:
    """`text` with its Cyrillic letters typed in Latin by one scheme (random if not named);
    where the scheme allows variants, each word picks its own."""
    table = SCHEMES[scheme if scheme is not None else rng.choice(sorted(SCHEMES))]
    out: list[str] = []
    for ch in text:
        low = ch.lower()
        options = table.get(low)
        if options is None:
            out.append(ch)
            continue
        latin = options[0] if len(options) == 1 else rng.choice(options)
        out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)


def transliterate_fixed(text: str, scheme: str = "chat") -> str:
    """`text` in one scheme with its first variant everywhere (reproducible, for benchmarks)."""
    table = SCHEMES[scheme]
    out: list[str] = []
    for ch in text:
        low = ch.lower()
        options = table.get(low)
        if options is None:
            out.append(ch)
        else:
            out.append(options[0].capitalize() if ch != low else options[0])
    return "".join(out)


def lookalikes(text: str, rng: random.Random, share: float = 0.5, leet: float = 0.1) -> str:
    """Each Cyrillic letter with a Latin look-alike swapped with probability `share`, and
    with a digit or symbol stand-in (`@ 0 3 1 $`) with probability `leet`."""
    out: list[str] = []
    for ch in text:
        roll = rng.random()
        if ch in LEET and roll < leet:
            out.append(LEET[ch])
        elif ch in LOOKALIKES and roll < leet + share:
            out.append(LOOKALIKES[ch])
        else:
            out.append(ch)
    return "".join(out)


def stretch(text: str, rng: random.Random, share: float = 0.3) -> str:
    """A share of the words with one letter repeated 3–6 times ("тупоооой")."""

    def one(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < 3 or rng.random() >= share:
            return word
        i = rng.randrange(len(word))
        return word[:i] + word[i] * rng.randint(3, 6) + word[i + 1 :]

    return _WORD.sub(one, text)


def separate(text: str, rng: random.Random, share: float = 0.2) -> str:
    """A share of the words spelled out with a separator between letters ("д.у.р.а.к")."""

    def one(match: re.Match[str]) -> str:
        word = match.group()
        if not 4 <= len(word) <= 10 or rng.random() >= share:
            return word
        return rng.choice(_SEPARATORS).join(word)

    return _WORD.sub(one, text)


def mixed_transliteration(text: str, rng: random.Random, share: float = 0.5) -> str:
    """Only a share of the words transliterated: Russian and Latin in one comment."""
    scheme = rng.choice(sorted(SCHEMES))
    return _WORD.sub(
        lambda m: transliterate(m.group(), rng, scheme) if rng.random() < share else m.group(),
        text,
    )


def disguise(text: str, rng: random.Random) -> str:
    """One random disguise of a Russian text, weighted towards the ones the normaliser finds
    hardest (whole-text transliteration first)."""
    roll = rng.random()
    if roll < 0.45:
        return transliterate(text, rng)
    if roll < 0.6:
        return mixed_transliteration(text, rng)
    if roll < 0.85:
        return lookalikes(text, rng, share=rng.uniform(0.2, 0.9), leet=rng.uniform(0.0, 0.2))
    if roll < 0.93:
        return stretch(text, rng)
    return separate(text, rng)
