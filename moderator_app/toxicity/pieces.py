"""Where the words are in folded text: pieces of letters (and stand-in symbols), and the rare
pieces that must be glued into one word ("д.у.р.а.к", "д*у*р*а*к").

Kept apart from `normalize`, which turns them into tokens, because the trained scorer's fast
lane (`reader`) works on the pieces' texts directly.
"""

import re
from collections.abc import Iterable, Sequence

from moderator_app.toxicity.charmaps import STANDALONE_LETTERS

# A word holds at least one letter ("2021" is not a word) and may carry symbols standing in for
# letters: "$hit", "бл*ть", "д0лб0@б". It starts and ends with a letter, digit, "$" or "@"
# ("a$$", "жоп@"), so "*дурак*" and "дурак!!!" lose their punctuation. "!" and "|" count as
# letters only between Latin letters or digits ("sh!t"), so "красавцы!пидорасы" is two words.
# @mentions, links and e-mail addresses are skipped whole.
_EDGE = r"(?:[^\W_]|[$@])"
_INNER = r"(?:[^\W_]|[@$*#]|(?<=[a-zA-Z0-9])[!|](?=[a-zA-Z0-9]))"
_WORD = rf"{_EDGE}(?:{_INNER}*{_EDGE})?"
_PIECES = re.compile(_WORD)
# Only worth the extra alternatives when the text could hold a link, mention or address.
# Each alternative starts only where a word could, so a long word is scanned once, not per char.
_PIECES_WITH_SKIPS = re.compile(
    r"(?P<skip>(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.\w[\w.]*|(?<![\w@])@\w+)"
    rf"|(?P<word>{_WORD})"
)
_LETTER = re.compile(r"[^\W\d_]")
# Without these symbols (and "!" or "|" between Latin letters or digits) a word is just a run of
# letters and digits, and the run holding a letter is found by one simple pattern.
_LATIN_BANG = re.compile(r"[a-zA-Z0-9][!|][a-zA-Z0-9]")
# (starting only where a run starts, and never giving digits back, keeps it linear on "1" * 10**5)
_PLAIN_PIECES = re.compile(r"(?<![^\W_])\d*+[^\W\d_][^\W_]*")
_MASK_SEPARATORS = frozenset("*#|")
_MIN_SPELLED_OUT = 3
_MIN_SPELLED_OUT_OF_WORDS = 4
_MAX_GAP = 3


def _plain(folded: str) -> bool:
    """Whether the text has no stand-in symbols, links or mentions (most comments): then a
    piece is just a run of letters and digits holding a letter."""
    return not (
        "$" in folded
        or "@" in folded
        or "*" in folded
        or "#" in folded
        or "://" in folded
        or "www." in folded
        or (("!" in folded or "|" in folded) and _LATIN_BANG.search(folded) is not None)
    )


def find_pieces(folded: str) -> list[tuple[int, int]]:
    """[start, end) of the word-like pieces of the folded text that hold a letter."""
    if _plain(folded):
        return [m.span() for m in _PLAIN_PIECES.finditer(folded)]
    if "@" in folded or "://" in folded or "www." in folded:
        spans = [m.span() for m in _PIECES_WITH_SKIPS.finditer(folded) if m.lastgroup == "word"]
    else:
        spans = [m.span() for m in _PIECES.finditer(folded)]
    return [
        (start, end)
        for start, end in spans
        if folded[start].isalpha() or _LETTER.search(folded, start, end)
    ]


def plain_words(folded: str) -> list[str] | None:
    """The texts of the pieces (as `find_pieces` finds them) if the text is plain, else None.
    Cheaper than the pieces' offsets, which most comments never need."""
    return _PLAIN_PIECES.findall(folded) if _plain(folded) else None


def may_spell_out(lengths: Iterable[int]) -> bool:
    """Whether three pieces in a row, of these lengths, are single letters (which may spell
    out a word)."""
    counted = list(lengths)
    return counted.count(1) >= 3 and b"\x01\x01\x01" in bytes([n == 1 for n in counted])


def needs_joining(folded: str, pieces: Sequence[tuple[int, int]]) -> bool:
    """Whether some pieces may have to be glued into one word: three single letters in a row
    ("д.у.р.а.к") or letters split by mask symbols ("д*у*р*а*к"). Rare, so checked up front."""
    if ("*" in folded or "#" in folded or "|" in folded) and any(
        end - start >= 2 * _MIN_SPELLED_OUT - 1 and folded[start + 1] in _MASK_SEPARATORS
        for start, end in pieces
    ):
        return True
    return may_spell_out(end - start for start, end in pieces)


def joined_words(folded: str, pieces: Sequence[tuple[int, int]]) -> list[tuple[str, Sequence[int]]]:
    """The words the pieces make, glued where they spell one out: each word with the folded
    positions of its characters (a range for a word that is one piece as it is)."""
    words: list[tuple[str, Sequence[int]]] = []
    i = 0
    n = len(pieces)
    while i < n:
        start, end = pieces[i]
        run = _spelled_out_run(folded, pieces, i) if end - start == 1 else 0
        if run:
            positions = [pieces[k][0] for k in range(i, i + run)]
            words.append(("".join(folded[p] for p in positions), positions))
            i += run
            continue
        i += 1
        if end - start >= 2 * _MIN_SPELLED_OUT - 1 and folded[start + 1] in _MASK_SEPARATORS:
            positions = _masked_alternation(list(range(start, end)), folded)
            if len(positions) != end - start:
                words.append(("".join(folded[p] for p in positions), positions))
                continue
        words.append((folded[start:end], range(start, end)))
    return words


def _spelled_out_run(folded: str, pieces: Sequence[tuple[int, int]], i: int) -> int:
    """How many single letters from pieces[i] on spell out one word with the same separator
    between them ("д.у.р.а.к", "х_у_й"); 0 if they do not."""
    gap = ""
    j = i
    while j < len(pieces) and pieces[j][1] - pieces[j][0] == 1:
        if j > i:
            between = folded[pieces[j - 1][1] : pieces[j][0]]
            if not gap:
                if len(between) > _MAX_GAP or "\n" in between:
                    break
                gap = between
            elif between != gap:
                break
        j += 1
    count = j - i
    if count < _MIN_SPELLED_OUT:
        return 0
    if gap.isspace() and count < _MIN_SPELLED_OUT_OF_WORDS:
        # "а я в шоке" is three words, "д у р а к" one: three letters that could each be a word
        # are read as words; four in a row ("с у к а") are too unlikely as real words.
        letters = (folded[pieces[k][0]].lower() for k in range(i, j))
        if all(letter in STANDALONE_LETTERS for letter in letters):
            return 0
    return count


def _masked_alternation(positions: list[int], folded: str) -> list[int]:
    """Letters split by one mask symbol ("д*у*р*а*к") → the letters; "х*й" keeps its star."""
    chars = [folded[p] for p in positions]
    letters, seps = chars[0::2], chars[1::2]
    if (
        len(letters) >= _MIN_SPELLED_OUT
        and len(chars) % 2 == 1
        and seps[0] in _MASK_SEPARATORS
        and all(s == seps[0] for s in seps)
        and all(c.isalpha() for c in letters)
    ):
        return positions[0::2]
    return positions
