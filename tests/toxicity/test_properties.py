from hypothesis import given, settings
from hypothesis import strategies as st

from moderator_app.toxicity.base import level_for
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.toxicity.normalize import normalize

# Letters and tricks the scorer must survive: look-alikes, stand-ins, masks, separators,
# invisible and combining characters, emoji, fancy letters.
ALPHABET = (
    "абвгдежзийклмнопрстуфхцчшщъыьэюяё"
    "АБВЕКМНОРСТХ"
    "abcdefghijklmnopqrstuvwxyzABCEHKMOPTXY"
    "0123456789@$*#!|._- \n\t,?"
    "\u200b\u00ad\u0301ﬁＦ𝐟😀ß"
)
WORDS = ["дурак", "хуй", "бля", "иди", "нахуй", "fuck", "kill", "yourself", "д.у.р.а.к", "f*ck"]

texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=120),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(ALPHABET, max_size=8)), max_size=12).map(
        " ".join
    ),
    st.text(max_size=60),
)

_scorer = LexiconScorer()


@settings(max_examples=400, deadline=None)
@given(texts)
def test_results_are_well_formed(text: str):
    result = _scorer.score(text)
    assert 0.0 <= result.score <= 1.0
    assert result.level == level_for(result.score)
    assert result.labels == tuple(sorted(set(result.labels)))
    previous_end = 0
    for span in result.spans:
        assert 0 <= previous_end <= span.start < span.end <= len(text)
        assert span.label in result.labels
        assert 0.0 < span.weight <= 1.0
        previous_end = span.end
    assert bool(result.spans) == (result.score > 0)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offset_map_stays_in_bounds_and_in_order(text: str):
    norm = normalize(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for start, end in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= start <= end <= len(text)
    assert list(norm.starts) == sorted(norm.starts)
    for token in norm.tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert len(token.spelling) == len(token.origins)


CLEAN = ["спасибо", "за", "статью", "очень", "полезно", "thanks", "for", "the", "post", "ok"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(CLEAN), max_size=6),
    st.lists(st.sampled_from(CLEAN), max_size=6),
    st.sampled_from(["дурак", "тупоооой", "д.у.р.а.к", "дуpaк", "f*ck", "idiot", "blyat"]),
)
def test_a_rude_word_in_clean_context_is_found_where_it_was_written(
    before: list[str], after: list[str], word: str
):
    prefix = " ".join([*before, ""])
    text = prefix + word + " ".join(["", *after])
    result = _scorer.score(text)
    assert [(s.start, s.end) for s in result.spans] == [(len(prefix), len(prefix) + len(word))]
