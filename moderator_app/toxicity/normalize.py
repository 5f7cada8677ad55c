"""Raw comment text → words in canonical form, each tied back to where it sits in the original.

Shared by every scorer (the lexicon now, a trained model later) so they see the same text:
folded characters, links and @mentions left out, spelled-out words ("д.у.р.а.к", "f u c k")
glued back, look-alikes and stand-ins resolved per word (see `spelling`), stretched letters
collapsed. Every canonical character maps to a range of the original, so a match is reported
where the user can see it.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from moderator_app.toxicity.charmaps import STANDALONE_LETTERS
from moderator_app.toxicity.fold import fold
from moderator_app.toxicity.patterns import STRETCH
from moderator_app.toxicity.spelling import Script, read_word

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
_MASK_SEPARATORS = frozenset("*#|")
_MIN_SPELLED_OUT = 3
_MIN_SPELLED_OUT_OF_WORDS = 4
_MAX_GAP = 3


class Token(NamedTuple):
    """One word: where it is in the original, and the spellings a matcher should try.

    A named tuple rather than a dataclass: a comment has dozens and they are made per call.
    """

    start: int
    end: int
    script: Script
    spelling: str
    """Lower case, look-alikes and stand-ins resolved, stretched letters still stretched."""
    origins: Sequence[int]
    """Original index of each character of `spelling` (a range or a tuple)."""
    alternates: tuple[str, ...] = ()
    """Other readings, e.g. Cyrillic readings of a Latin word ("durak" → "дурак")."""

    @property
    def text(self) -> str:
        """Canonical form: `spelling` with stretched letters collapsed ("тупоооой" → "тупой")."""
        return "".join(ch for ch, _, _ in _collapse(self.spelling, self.origins))


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Canonical words joined by single spaces, with an offset map back to the original."""

    original: str
    text: str
    tokens: tuple[Token, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range [start, end) of canonical characters [start, end) came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"range {start}:{end} outside 0:{len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _collapse(spelling: str, origins: Sequence[int]) -> list[tuple[str, int, int]]:
    """Runs of 3+ identical letters become one, spanning the whole run in the original."""
    out: list[tuple[str, int, int]] = []
    i = 0
    n = len(spelling)
    while i < n:
        ch = spelling[i]
        j = i + 1
        while j < n and spelling[j] == ch:
            j += 1
        if j - i >= STRETCH and ch.isalpha():
            out.append((ch, origins[i], origins[j - 1] + 1))
        else:
            out.extend((ch, origins[k], origins[k] + 1) for k in range(i, j))
        i = j
    return out


def _pieces(folded: str) -> list[tuple[int, int]]:
    """[start, end) of the word-like pieces of the folded text that hold a letter."""
    if "@" in folded or "://" in folded or "www." in folded:
        spans = [m.span() for m in _PIECES_WITH_SKIPS.finditer(folded) if m.lastgroup == "word"]
    else:
        spans = [m.span() for m in _PIECES.finditer(folded)]
    return [
        (start, end)
        for start, end in spans
        if folded[start].isalpha() or _LETTER.search(folded, start, end)
    ]


def _spelled_out_run(folded: str, pieces: list[tuple[int, int]], i: int) -> int:
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


def _token(word: str, origins: Sequence[int]) -> Token:
    reading = read_word(word)
    return Token(
        origins[0], origins[-1] + 1, reading.script, reading.spelling, origins, reading.alternates
    )


def tokenize(text: str) -> list[Token]:
    """The words of `text`, in order, each with its original range."""
    folded, origin = fold(text)
    pieces = _pieces(folded)
    tokens: list[Token] = []
    i = 0
    n = len(pieces)
    while i < n:
        start, end = pieces[i]
        run = _spelled_out_run(folded, pieces, i) if end - start == 1 else 0
        if run:
            positions = [pieces[k][0] for k in range(i, i + run)]
            word = "".join(folded[p] for p in positions)
            tokens.append(_token(word, tuple(origin[p] for p in positions)))
            i += run
            continue
        i += 1
        if end - start >= 2 * _MIN_SPELLED_OUT - 1 and folded[start + 1] in _MASK_SEPARATORS:
            positions = _masked_alternation(list(range(start, end)), folded)
            if len(positions) != end - start:
                word = "".join(folded[p] for p in positions)
                tokens.append(_token(word, tuple(origin[p] for p in positions)))
                continue
        tokens.append(_token(folded[start:end], origin[start:end]))
    return tokens


def normalize(text: str) -> NormalizedText:
    """Canonical text for `text` (words in canonical form, single spaces) with its offset map."""
    tokens = tokenize(text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for k, tok in enumerate(tokens):
        if k:
            # the space stands for the gap; two words can share one original character ("¼")
            chars.append(" ")
            starts.append(min(tokens[k - 1].end, tok.start))
            ends.append(tok.start)
        for ch, start, end in _collapse(tok.spelling, tok.origins):
            chars.append(ch)
            starts.append(start)
            ends.append(end)
    return NormalizedText(text, "".join(chars), tuple(tokens), tuple(starts), tuple(ends))
