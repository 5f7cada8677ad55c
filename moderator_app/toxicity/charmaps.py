"""Character tables for undoing disguises: look-alike letters, digits and symbols.

Data only, kept apart so the normaliser reads as rules and the tables can grow on their own.
Keys are case-sensitive where case changes the look ("B" is "В", "b" is closer to "ь").
"""

CYRILLIC_LETTERS = frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюяёіїєґў")
LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")

# Characters a disguised word may contain besides letters and digits: "$hit", "бл*ть".
WORD_SYMBOLS = frozenset("@$*#!|")

# Stand-ins for one hidden letter: "f*ck", "х#й".
MASKS = frozenset("*#")

# A Latin letter inside a mostly-Cyrillic word: what it was meant to be ("дуpaк" → "дурак").
# Look-alikes first; the rest map by sound, as typed on the wrong keyboard layout.
CYRILLIC_FOR_LATIN = {
    "a": "а", "b": "б", "c": "с", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "н",
    "i": "и", "j": "й", "k": "к", "l": "л", "m": "м", "n": "п", "o": "о", "p": "р",
    "q": "к", "r": "р", "s": "с", "t": "т", "u": "и", "v": "в", "w": "ш", "x": "х",
    "y": "у", "z": "з",
    "A": "а", "B": "в", "C": "с", "D": "д", "E": "е", "F": "ф", "G": "г", "H": "н",
    "I": "и", "J": "й", "K": "к", "L": "л", "M": "м", "N": "п", "O": "о", "P": "р",
    "Q": "к", "R": "р", "S": "с", "T": "т", "U": "и", "V": "в", "W": "ш", "X": "х",
    "Y": "у", "Z": "з",
}  # fmt: skip

# Latin letters whose shape alone says which Cyrillic letter is meant ("cyka" → "сука").
# A Latin word made only of these also gets a Cyrillic reading.
VISUAL_LATIN = frozenset("aAbBcCeEHkKmMnoOpPTxXyYuU")

# Digits and symbols standing for letters, by the script of the word around them.
CYRILLIC_LEET = {
    "0": "о", "3": "з", "4": "ч", "6": "б", "8": "в", "9": "я", "1": "и", "@": "а",
    "$": "с", "!": "и", "|": "л", "#": "*",
}  # fmt: skip
LATIN_LEET = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "!": "i", "|": "l", "#": "*",
}  # fmt: skip

# Second readings where one stand-in has two common meanings ("3" is "з" or "е": "д3бил").
CYRILLIC_LEET_ALTERNATE = {"3": "е"}

# A Cyrillic letter inside a mostly-Latin word ("fuсk" with Cyrillic "с").
LATIN_FOR_CYRILLIC = {
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ь": "b", "п": "n", "г": "r",
    "и": "u",
}  # fmt: skip

# Single-letter words, so "а я в шоке" is not glued into one word like "д у р а к" is.
STANDALONE_LETTERS = frozenset("авиоскуяжбai")
