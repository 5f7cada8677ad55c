"""Which language a comment is in, as far as the inbox's filters need: Russian or English.

Counting letters by script is enough for RU/EN and runs at ingest speed; transliterated
Russian in Latin letters reads as "en" here (the toxicity normaliser handles it separately).
"""

MIN_LETTERS = 3
# Counted in the text's UTF-8 bytes, a few C passes (~4x faster than translating the text,
# and this runs for every comment of a raid): a Cyrillic letter is two bytes, the first 0xD0
# or 0xD1 (U+0400-U+047F, the Russian alphabet and its neighbours; those lead bytes never
# occur inside another character), and a Latin letter is an ASCII byte.
_CYRILLIC_LEADS = (b"\xd0", b"\xd1")
_NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))


def detect_language(text: str) -> str:
    """ "ru" when most letters are Cyrillic, "en" when most are Latin, "" when unclear."""
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate from JSON is no letter
    cyrillic = raw.count(_CYRILLIC_LEADS[0]) + raw.count(_CYRILLIC_LEADS[1])
    latin = len(raw.translate(None, _NOT_LATIN))
    if cyrillic + latin < MIN_LETTERS:
        return ""
    return "ru" if cyrillic >= latin else "en"
