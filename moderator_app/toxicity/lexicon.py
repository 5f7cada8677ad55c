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
_UNMATCHED = (_NOTHING, True)
_UNKNOWN: frozenset[int] = frozenset({-1})
"""A cache miss (no word has id -1)."""
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
        self._plain: dict[str, frozenset[int]] = {}
        self._clean = ToxicityResult(score=0.0, level=level_for(0.0), scorer=self.name)
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
        return self.score_found(tokens, self._words(tokens))

    def score_found(
        self, tokens: Sequence[Token], words: Sequence[frozenset[int]]
    ) -> ToxicityResult:
        """`score_tokens` given each token's `word_ids`, for a caller that keeps them per word."""
        if not any(words):
            return self._clean  # immutable, so one instance serves every clean text
        hits = self._hits(tokens, words)
        if not hits:
            return self._clean
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

    def word_ids(
        self, spelling: str, alternates: tuple[str, ...], script: Script
    ) -> frozenset[int]:
        """Lexicon word ids a token with this reading matches in any of its spellings; none if
        one of them is an exception. Callers cache the result per token (see `_words`)."""
        found, allowed = self._spelling_words(spelling)
        if not allowed:
            return _NOTHING
        # A Latin word that is an English lexicon word is not also read as Russian.
        if not alternates or (script is Script.LATIN and found):
            return found or _NOTHING
        words = set(found)
        for alternate in alternates:
            more, allowed = self._spelling_words(alternate)
            if not allowed:
                return _NOTHING
            words |= more - self._short
        return frozenset(words) if words else _NOTHING

    def _hits(self, tokens: Sequence[Token], words: Sequence[frozenset[int]]) -> list[Hit]:
        """Every entry found, in no particular order (`merge_hits` sorts them)."""
        lexicon = self.lexicon
        entries = lexicon.entries
        single = lexicon.single_word
        phrase_starts = lexicon.phrase_starts
        last_token = len(words) - 1
        hits: list[Hit] = []
        for i in [i for i, found in enumerate(words) if found]:  # most words match nothing
            for wid in words[i]:
                for eid in single.get(wid, ()):
                    entry = entries[eid]
                    hits.append(Hit(tokens[i].start, tokens[i].end, entry.label, entry.weight, eid))
                if wid not in phrase_starts or i == last_token:
                    continue
                for second in words[i + 1]:
                    for eid in lexicon.by_first_two.get((wid, second), ()):
                        entry = entries[eid]
                        last = i + len(entry.words) - 1
                        if last > last_token:
                            continue
                        rest = enumerate(entry.words[2:], start=i + 2)
                        if all(w in words[k] for k, w in rest):
                            start, end = tokens[i].start, tokens[last].end
                            hits.append(Hit(start, end, entry.label, entry.weight, eid))
        return hits

    def _words(self, tokens: Sequence[Token]) -> list[frozenset[int]]:
        """Each token's `word_ids`, cached: by spelling for a token without other readings (most
        are), else by spelling and readings."""
        plain = self._plain.get
        keyed = self._tokens.get
        words = [
            keyed((tok.spelling, tok.alternates), _UNKNOWN)
            if tok.alternates
            else plain(tok.spelling, _UNKNOWN)
            for tok in tokens
        ]
        if _UNKNOWN in words:
            return [
                found if found is not _UNKNOWN else self._token_words(tok)
                for found, tok in zip(words, tokens, strict=True)
            ]
        return words

    def _token_words(self, tok: Token) -> frozenset[int]:
        result = self.word_ids(tok.spelling, tok.alternates, tok.script)
        if not tok.alternates:
            if len(self._plain) >= _CACHE_LIMIT:
                self._plain.clear()
            self._plain[tok.spelling] = result
        else:
            if len(self._tokens) >= _CACHE_LIMIT:
                self._tokens.clear()
            self._tokens[(tok.spelling, tok.alternates)] = result
        return result

    def _spelling_words(self, spelling: str) -> tuple[frozenset[int], bool]:
        """(word ids matched, False if the spelling is an exception)."""
        masked = MASK in spelling
        if not masked and not self.lexicon.any_key.might_match(spelling):
            return _UNMATCHED  # most words, told apart without a cache
        cached = self._spellings.get(spelling)
        if cached is not None:
            return cached
        # A masked word ("h*e") was masked because it is rude: exceptions do not speak for it.
        if not masked and self.lexicon.exceptions.match(spelling):
            result: tuple[frozenset[int], bool] = (_NOTHING, False)
        else:
            result = (frozenset(self.lexicon.words.match(spelling)), True)
        if len(self._spellings) >= _CACHE_LIMIT:
            self._spellings.clear()
        self._spellings[spelling] = result
        return result
