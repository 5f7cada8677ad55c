"""The explainable scorer: lexicon words and phrases found in normalised text.

Every point of its score comes from a named lexicon entry at a span the moderator can see,
which is why it stays beside any trained model as the signal people can argue with.
"""

from collections.abc import Sequence

from moderator_app.domain import ToxicityResult
from moderator_app.toxicity.base import level_for
from moderator_app.toxicity.hits import Hit, combine_weights, merge_hits
from moderator_app.toxicity.lexicon_data import Lexicon, default_lexicon
from moderator_app.toxicity.normalize import Token, tokenize
from moderator_app.toxicity.patterns import MASK
from moderator_app.toxicity.spelling import Script

_NOTHING: frozenset[int] = frozenset()
_CACHE_LIMIT = 1 << 17
# A guessed reading (Russian read out of a Latin word) only counts for words of 3+ letters:
# "job" reads as "еб", "nah" as "нах", and short keys are where such guesses go wrong.
_MIN_GUESSED_KEY = 3


class LexiconScorer:
    """Scores text by the lexicon. Deterministic and offline; one instance may serve several
    threads (its caches are plain dicts, each update a single atomic store)."""

    name = "lexicon"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else default_lexicon()
        # Words repeat across comments, so per-spelling lookups are cached (bounded).
        self._spellings: dict[str, tuple[frozenset[int], bool]] = {}
        self._tokens: dict[tuple[str, tuple[str, ...]], frozenset[int]] = {}
        self._short = frozenset(
            wid
            for wid, pattern in enumerate(self.lexicon.words.patterns)
            if len(pattern.key) < _MIN_GUESSED_KEY
        )

    def score(self, text: str) -> ToxicityResult:
        """One text's verdict: hits merged into spans in original coordinates, and their score."""
        return self.score_tokens(tokenize(text))

    def score_tokens(self, tokens: Sequence[Token]) -> ToxicityResult:
        """`score` for a text already tokenized, so a scorer built on top tokenizes once."""
        hits = self._hits(tokens)
        if not hits:
            return ToxicityResult(score=0.0, level=level_for(0.0), scorer=self.name)
        merged = merge_hits(hits)
        strongest: dict[int, float] = {}
        for _, hit in merged:
            strongest[hit.entry] = max(strongest.get(hit.entry, 0.0), hit.weight)
        score = round(combine_weights(strongest.values()), 4)
        return ToxicityResult(
            score=score,
            level=level_for(score),
            spans=tuple(span for span, _ in merged),
            scorer=self.name,
            labels=tuple(sorted({h.label for h in hits})),
        )

    def score_batch(self, texts: Sequence[str]) -> list[ToxicityResult]:
        """One result per text, in order."""
        return [self.score(text) for text in texts]

    def _hits(self, tokens: Sequence[Token]) -> list[Hit]:
        words = [self._token_words(tok) for tok in tokens]
        entries = self.lexicon.entries
        by_first = self.lexicon.by_first_word
        hits: list[Hit] = []
        for i, found in enumerate(words):
            for wid in found:
                for eid in by_first.get(wid, ()):
                    entry = entries[eid]
                    last = i + len(entry.words) - 1
                    if last >= len(tokens):
                        continue
                    if all(w in words[i + k] for k, w in enumerate(entry.words[1:], start=1)):
                        start, end = tokens[i].start, tokens[last].end
                        hits.append(Hit(start, end, entry.label, entry.weight, eid))
        return hits

    def _token_words(self, tok: Token) -> frozenset[int]:
        """Lexicon word ids a token matches in any of its readings; none if one is an exception."""
        key = (tok.spelling, tok.alternates)
        cached = self._tokens.get(key)
        if cached is not None:
            return cached
        found, allowed = self._spelling_words(tok.spelling)
        if not allowed:
            result = _NOTHING
        else:
            # A Latin word that is an English lexicon word is not also read as Russian.
            try_alternates = tok.script is not Script.LATIN or not found
            words = set(found)
            for alternate in tok.alternates if try_alternates else ():
                more, allowed = self._spelling_words(alternate)
                if not allowed:
                    words = set()
                    break
                words |= more - self._short
            result = frozenset(words) if words else _NOTHING
        if len(self._tokens) >= _CACHE_LIMIT:
            self._tokens.clear()
        self._tokens[key] = result
        return result

    def _spelling_words(self, spelling: str) -> tuple[frozenset[int], bool]:
        """(word ids matched, False if the spelling is an exception)."""
        cached = self._spellings.get(spelling)
        if cached is not None:
            return cached
        # A masked word ("h*e") was masked because it is rude: exceptions do not speak for it.
        if MASK not in spelling and self.lexicon.exceptions.match(spelling):
            result: tuple[frozenset[int], bool] = (_NOTHING, False)
        else:
            result = (frozenset(self.lexicon.words.match(spelling)), True)
        if len(self._spellings) >= _CACHE_LIMIT:
            self._spellings.clear()
        self._spellings[spelling] = result
        return result
