"""Reading Russian typed in Latin letters ("ty durak", "idi nahui") back into Cyrillic.

People without a Cyrillic layout, and people dodging a filter, write Russian by sound. There is
no single scheme, so this follows the common habits (sh, ch, zh, kh, ts, shch, ya/yu/yo, "4" for
"ч", "6" for "б") and yields one best guess; the lexicon is written to forgive the rest.
"""

_VOWELS = frozenset("аеиоуыэюя")

# Longest first: "shch" must win over "sh" + "ch".
_MULTI = (
    ("shch", "щ"), ("sch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
    ("ts", "ц"), ("ck", "к"), ("ya", "я"), ("ja", "я"), ("yu", "ю"), ("ju", "ю"),
    ("yo", "е"), ("jo", "е"), ("ye", "е"), ("je", "е"),
)  # fmt: skip

_SINGLE = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к",
    "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "w": "ш", "x": "х", "z": "з",
    "'": "ь", "4": "ч", "6": "б", "3": "з", "0": "о", "1": "и", "9": "я", "@": "а",
    "$": "с", "!": "и", "*": "*", "#": "*",
}  # fmt: skip

# "c" reads as "к" before these ("cool" style spellings), as "ц" elsewhere ("pizdec").
_HARD_C_BEFORE = frozenset("aoulrk")


def latin_to_cyrillic(word: str) -> str:
    """A lower-case Latin word as Cyrillic; characters with no reading are kept as they are."""
    out: list[str] = []
    i = 0
    n = len(word)
    while i < n:
        for latin, cyrillic in _MULTI:
            if word.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            ch = word[i]
            if ch == "y":
                # after a vowel it closes a syllable ("tupoy" → "тупой"), else it is "ы" ("ty")
                out.append("й" if out and out[-1] in _VOWELS else "ы")
            elif ch == "c":
                nxt = word[i + 1] if i + 1 < n else ""
                out.append("к" if nxt in _HARD_C_BEFORE else "ц")
            else:
                out.append(_SINGLE.get(ch, ch))
            i += 1
    return "".join(out)
