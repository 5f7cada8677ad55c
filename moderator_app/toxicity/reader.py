"""Comments → what the trained scorer needs (the lexicon's verdict and the model's features),
with one cache look-up per word.

Read the long way, a comment is tokenized, then the lexicon and the featurizer each look every
token up in their own caches: a token object and three look-ups per word, most of a batch's
time on new comments. But almost every comment splits into plain pieces (nothing spelled out or
masked to glue together, see `pieces.needs_joining`), and then everything the scorer needs of
a piece depends on the piece alone, so it is worked out once per distinct piece and kept in one
table. Token objects, for offsets in the original text, are made only for comments that need
them: a lexicon hit to report or a flagged comment to explain. Results are the same as the
long way's, which the other comments still take.
"""

from collections.abc import Iterator, Sequence
from itertools import chain
from operator import itemgetter
from typing import NamedTuple, overload

from moderator_app.domain import ToxicityResult
from moderator_app.toxicity.features import DocFeatures, Featurizer, TokenInfo, holds_cyrillic
from moderator_app.toxicity.fold import fold
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.toxicity.normalize import Token, joined_tokens, piece_token, plain_tokens
from moderator_app.toxicity.pieces import find_pieces, may_spell_out, needs_joining, plain_words
from moderator_app.toxicity.spelling import Reading, Script, read_new_word

_CACHE_LIMIT = 1 << 18
_UNITS = itemgetter(0)


class _Word(NamedTuple):
    """All the scorer needs of one piece of folded text."""

    reading: Reading
    found: frozenset[int]
    """The lexicon's word ids."""
    info: TokenInfo
    """The model's view; for a Latin word, as read in a text that folding left as it was."""
    latin: bool
    """A Latin word, whose readings depend on the original text (see `features.latin_info`)."""


_IS_LATIN = itemgetter(3)


class LazyTokens(Sequence[Token]):
    """A comment's tokens, each made when asked for: most comments never need them, and the
    rest only a few (a lexicon hit's, the words explaining a flag)."""

    __slots__ = ("_folded", "_origin", "_pieces", "_words")

    def __init__(
        self,
        folded: str,
        origin: Sequence[int],
        pieces: list[tuple[int, int]] | None,
        words: Sequence[_Word],
    ) -> None:
        self._folded = folded
        self._origin = origin
        self._pieces = pieces
        self._words = words

    def _found(self) -> list[tuple[int, int]]:
        if self._pieces is None:
            self._pieces = find_pieces(self._folded)
        return self._pieces

    def __len__(self) -> int:
        return len(self._words)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | Sequence[Token]:
        if isinstance(index, slice):
            return list(self)[index]
        return piece_token(self._origin, self._found()[index], self._words[index].reading)

    def __iter__(self) -> Iterator[Token]:
        readings = [word.reading for word in self._words]
        return iter(plain_tokens(self._origin, self._found(), readings))


class Reader:
    """Reads comments for a `Featurizer` and a `LexiconScorer`, sharing their caches. Not
    thread-safe: the model scores one batch at a time."""

    def __init__(self, featurizer: Featurizer, lexicon: LexiconScorer) -> None:
        self.featurizer = featurizer
        self.lexicon = lexicon
        self._words: dict[str, _Word] = {}
        self._generation = featurizer.generation
        self._readings = featurizer.spec.readings

    def begin_batch(self) -> None:
        """Start a batch (see `Featurizer.begin_batch`); the table follows the featurizer's."""
        self.featurizer.begin_batch()
        if self._generation != self.featurizer.generation or len(self._words) > _CACHE_LIMIT:
            self._words.clear()
            self._generation = self.featurizer.generation

    def read(self, text: str) -> tuple[DocFeatures, ToxicityResult]:
        """The model's features of `text` and the lexicon's verdict on it."""
        folded, origin = fold(text)
        pieces: list[tuple[int, int]] | None = None
        found = plain_words(folded)
        if found is None or may_spell_out(map(len, found)):
            pieces = find_pieces(folded)
            if needs_joining(folded, pieces):
                tokens = joined_tokens(folded, origin, pieces)
                return self.featurizer.doc(text, tokens), self.lexicon.score_tokens(tokens)
            found = [folded[start:end] for start, end in pieces]
        get = self._words.get
        words = [get(piece) or self._word(piece) for piece in found]
        infos = [word.info for word in words]
        if any(map(_IS_LATIN, words)):
            if folded is not text:  # a Latin word's original may hold letters folding changed
                pieces = pieces if pieces is not None else find_pieces(folded)
                infos = [
                    self._latin_info(text, origin, piece, word) if word.latin else word.info
                    for piece, word in zip(pieces, words, strict=True)
                ]
            units = list(dict.fromkeys(chain.from_iterable(map(_UNITS, infos))))
        else:  # one unit per word
            units = list(dict.fromkeys([info[0][0] for info in infos]))
        lazy = LazyTokens(folded, origin, pieces, words)
        result = self.lexicon.score_found(lazy, [word.found for word in words])
        return DocFeatures(lazy, units, infos), result

    def _word(self, piece: str) -> _Word:
        reading = read_new_word(piece)  # cached here, with the rest
        script, spelling, alternates = reading
        found = self.lexicon.word_ids(spelling, alternates, script)
        latin = script is Script.LATIN and self._readings
        if latin:
            mixed = holds_cyrillic(piece, 0, len(piece))
            info = self.featurizer.latin_info(spelling, alternates, mixed)
        else:
            info = self.featurizer.plain_info(spelling, script)
        word = self._words[piece] = _Word(reading, found, info, latin)
        return word

    def _latin_info(
        self, text: str, origin: Sequence[int], piece: tuple[int, int], word: _Word
    ) -> TokenInfo:
        start, end = origin[piece[0]], origin[piece[1] - 1] + 1
        mixed = holds_cyrillic(text, start, end)
        return self.featurizer.latin_info(word.reading.spelling, word.reading.alternates, mixed)
