"""Which language a comment is in, as far as the inbox's filters need: Russian or English.

Counting letters by script is enough for RU/EN and runs at ingest speed; transliterated
Russian in Latin letters reads as "en" here (the toxicity normaliser handles it separately).
"""

import re

MIN_LETTERS = 3
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LATIN = re.compile(r"[a-zA-Z]")


def detect_language(text: str) -> str:
    """ "ru" when most letters are Cyrillic, "en" when most are Latin, "" when unclear."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic + latin < MIN_LETTERS:
        return ""
    return "ru" if cyrillic >= latin else "en"
