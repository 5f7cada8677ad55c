"""Which language a comment is in, as far as the inbox's filters need: Russian or English.

Counting letters by script is enough for RU/EN and runs at ingest speed; transliterated
Russian in Latin letters reads as "en" here (the toxicity normaliser handles it separately).
"""

MIN_LETTERS = 3


def detect_language(text: str) -> str:
    """ "ru" when most letters are Cyrillic, "en" when most are Latin, "" when unclear."""
    cyrillic = latin = 0
    for ch in text:
        if "а" <= ch <= "я" or "А" <= ch <= "Я" or ch in "ёЁ":
            cyrillic += 1
        elif "a" <= ch <= "z" or "A" <= ch <= "Z":
            latin += 1
    if cyrillic + latin < MIN_LETTERS:
        return ""
    return "ru" if cyrillic >= latin else "en"
