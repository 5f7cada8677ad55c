"""Raw comment text → words in canonical form, each tied back to where it sits in the original.

Shared by every scorer (the lexicon now, a trained model later) so they see the same text:
folded characters, links and @mentions left out, spelled-out words ("д.у.р.а.к", "f u c k")
glued back, look-alikes and stand-ins resolved per word (see `spelling`), stretched letters
collapsed. Every canonical character maps to a range of the original, so a match is reported
where the user can see it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from moderator_app.toxicity.fold import fold
from moderator_app.toxicity.patterns import STRETCH
from moderator_app.toxicity.pieces import find_pieces, joined_words, needs_joining
from moderator_app.toxicity.spelling import Reading, Script, read_word


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


_new_token = tuple.__new__
"""Builds a `Token` from a tuple, skipping the named tuple's argument handling (per word)."""


def _token(word: str, origins: Sequence[int]) -> Token:
    reading = read_word(word)
    return Token(
        origins[0], origins[-1] + 1, reading.script, reading.spelling, origins, reading.alternates
    )


def joined_tokens(
    folded: str, origin: Sequence[int], pieces: Sequence[tuple[int, int]]
) -> list[Token]:
    """Tokens when pieces may be glued together (see `pieces.needs_joining`)."""
    tokens: list[Token] = []
    for word, positions in joined_words(folded, pieces):
        if isinstance(positions, range):
            tokens.append(_token(word, origin[positions.start : positions.stop]))
        else:
            tokens.append(_token(word, tuple(origin[p] for p in positions)))
    return tokens


def plain_tokens(
    origin: Sequence[int], pieces: Sequence[tuple[int, int]], readings: Sequence[Reading]
) -> list[Token]:
    """One token per piece, read as given (when none need joining, see `pieces.needs_joining`).
    Kept lean: a comment has dozens of words."""
    new = _new_token
    if isinstance(origin, range):  # nothing folded away: offsets are the folded ones
        return [
            new(Token, (start, end, r[0], r[1], range(start, end), r[2]))
            for (start, end), r in zip(pieces, readings, strict=True)
        ]
    return [piece_token(origin, piece, r) for piece, r in zip(pieces, readings, strict=True)]


def piece_token(origin: Sequence[int], piece: tuple[int, int], reading: Reading) -> Token:
    """The token of one piece read as given (see `plain_tokens`)."""
    start, end = piece
    if isinstance(origin, range):
        place: Sequence[int] = range(start, end)
        first, last = start, end - 1
    else:
        place = origin[start:end]
        first, last = place[0], place[-1]
    return _new_token(Token, (first, last + 1, reading[0], reading[1], place, reading[2]))


def tokenize(text: str) -> list[Token]:
    """The words of `text`, in order, each with its original range."""
    folded, origin = fold(text)
    found = find_pieces(folded)
    if needs_joining(folded, found):
        return joined_tokens(folded, origin, found)
    return plain_tokens(origin, found, [read_word(folded[s:e]) for s, e in found])


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
