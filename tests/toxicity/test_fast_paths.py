"""The scorer's shortcuts give exactly what the plain way gives: folding, finding pieces, the
lexicon's quick rule-out, and the model's one-look-up-per-word reader."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from moderator_app.toxicity import pieces
from moderator_app.toxicity.features import Featurizer
from moderator_app.toxicity.fold import fold, fold_char
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.toxicity.lexicon_data import default_lexicon
from moderator_app.toxicity.model import bundled_model
from moderator_app.toxicity.normalize import tokenize
from moderator_app.toxicity.patterns import PatternIndex, parse_word
from moderator_app.toxicity.reader import Reader

# Letters, look-alikes, stand-ins, separators, links, invisible and expanding characters.
ALPHABET = (
    "абвгдежзийклмнопрстуфхцчшщъыьэюяё"
    "АБВЕКМНОРСТХЁ"
    "abcdefhiklmnopstuxyABCEHKMOPTXY"
    "0123456789@$*#!|._-:/ \n\t,?"
    "\u200b\u00ad\u0301ﬁＦ𝐟😀ß²½İ"
)
WORDS = [
    "дурак",
    "д.у.р.а.к",
    "д у р а к",
    "д*у*р*а*к",
    "бл*ть",
    "нахуй",
    "идиооот",
    "иди в жопу",
    "чтоб ты сдох",
    "f*ck",
    "sh!t",
    "a$$",
    "durak",
    "dуpak",
    "cyka",
    "3@36@л",
    "@user",
    "x@y.org",
    "http://e.com/a",
    "www.e.com",
    "1984",
    "ёжик",
]
texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=80),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(ALPHABET, max_size=8)), max_size=12).map(
        " ".join
    ),
    st.text(max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_fold_is_folding_each_character(text: str):
    folded, origin = fold(text)
    assert folded == "".join(fold_char(ch) for ch in text)
    assert list(origin) == [i for i, ch in enumerate(text) for _ in fold_char(ch)]


def _pieces_the_long_way(folded: str) -> list[tuple[int, int]]:
    if "@" in folded or "://" in folded or "www." in folded:
        found = pieces._PIECES_WITH_SKIPS.finditer(folded)
        spans = [m.span() for m in found if m.lastgroup == "word"]
    else:
        spans = [m.span() for m in pieces._PIECES.finditer(folded)]
    return [(s, e) for s, e in spans if re.search(r"[^\W\d_]", folded[s:e])]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_pieces_of_plain_text_are_found_as_by_the_full_pattern(text: str):
    folded, _ = fold(text)
    found = pieces.find_pieces(folded)
    assert found == _pieces_the_long_way(folded)
    words = pieces.plain_words(folded)
    assert words is None or words == [folded[s:e] for s, e in found]


def _without_filter(index: PatternIndex) -> PatternIndex:
    class Everything:
        def might_match(self, spelling: str) -> bool:
            return True

    unfiltered = PatternIndex(index.patterns)
    unfiltered._filter = Everything()  # type: ignore[assignment]
    return unfiltered


_words = default_lexicon().words
_unfiltered = _without_filter(_words)
_KEY_LETTERS = "".join(sorted({ch for p in _words.patterns for ch in p.key}))


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=_KEY_LETTERS + "ьь", max_size=12),
        st.sampled_from([p.text for p in _words.patterns]).flatmap(
            lambda word: st.sampled_from(
                [word, word + "а", "по" + word, word.replace(word[0], word[0] * 3, 1)]
            )
        ),
    )
)
def test_the_quick_rule_out_never_rules_out_a_match(spelling: str):
    assert _words.match(spelling) == _unfiltered.match(spelling)


def test_the_quick_rule_out_handles_every_kind_of_pattern():
    index = PatternIndex([parse_word(w) for w in ("тупой", "дурак*", "*хуй*", "*shit", "ass")])
    unfiltered = _without_filter(index)
    for word in ("тупоооой", "дуррака", "дураки", "нахуй", "похуйь", "bullshit", "shits"):
        assert index.match(word) == unfiltered.match(word), word
    for word in ("ass", "asss", "as", "assess", "ьтупой", "тупойь", "туупой", "хyй"):
        assert index.match(word) == unfiltered.match(word), word


_lexicon = LexiconScorer()
_featurizer = Featurizer(bundled_model().spec)
_reader = Reader(_featurizer, _lexicon)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_the_reader_reads_as_tokenize_lexicon_and_featurizer_do(batch: list[str]):
    _reader.begin_batch()
    for text in batch:
        doc, result = _reader.read(text)
        tokens = tokenize(text)
        expected = _featurizer.doc(text, tokens)
        assert list(doc.tokens) == tokens
        assert [doc.tokens[i] for i in range(len(tokens))] == tokens
        assert (doc.units, doc.infos) == (expected.units, expected.infos)
        assert result == _lexicon.score_tokens(tokens)
