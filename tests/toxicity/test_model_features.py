"""What the model sees: the normaliser's words, Cyrillic readings of Latin words, hashed."""

import pytest

from moderator_app.toxicity.features import FeatureSpec, Featurizer, canonical
from moderator_app.toxicity.normalize import tokenize


@pytest.fixture
def featurizer() -> Featurizer:
    return Featurizer(FeatureSpec(hash_bits=16))


def unit_texts(featurizer: Featurizer, text: str) -> list[list[str]]:
    doc = featurizer.doc(text)
    return [[featurizer.unit_text(u) for u in info.units] for info in doc.infos]


@pytest.mark.parametrize("word", ["тупоооой", "дурак", "aaaargh", "ссора", "кооперация", "ооо"])
def test_canonical_collapses_like_the_normaliser(word: str):
    (token,) = tokenize(word)
    assert canonical(token.spelling) == token.text


def test_disguises_become_the_same_words(featurizer: Featurizer):
    for text in ("ты дурак", "ты дуpaк", "ты д.у.р.а.к", "ты дураааак"):
        assert unit_texts(featurizer, text) == [["ты"], ["дурак"]], text


def test_latin_words_also_read_as_russian(featurizer: Featurizer):
    assert unit_texts(featurizer, "ty durak") == [["ty", "ты"], ["durak", "дурак"]]
    # by sound, then by shape
    assert unit_texts(featurizer, "cyka")[0][1:] == ["цыка", "сука"]
    # a word mixing in Cyrillic letters reads letter by letter first
    assert unit_texts(featurizer, "dуpak")[0][1] == "дурак"  # Cyrillic у
    assert unit_texts(featurizer, "cyкa")[0][1] == "сука"  # Cyrillic к


def test_readings_can_be_switched_off():
    plain = Featurizer(FeatureSpec(hash_bits=16, readings=False))
    assert unit_texts(plain, "ty durak") == [["ty"], ["durak"]]


def test_units_are_distinct_per_comment_and_bigrams_keep_repeats(featurizer: Featurizer):
    doc = featurizer.doc("дурак дурак дурак")
    assert len(doc.units) == 1
    bigrams = featurizer.bigrams([doc])
    assert len(bigrams.buckets) == 2
    assert bigrams.buckets[0] == bigrams.buckets[1]
    assert list(bigrams.left) == [0, 1]


def test_transliterated_pairs_add_the_pairs_of_their_readings(featurizer: Featurizer):
    latin = featurizer.bigrams([featurizer.doc("ty durak")])
    cyrillic = featurizer.bigrams([featurizer.doc("ты дурак")])
    assert len(latin.buckets) == 2  # "ty durak" and "ты дурак"
    assert cyrillic.buckets[0] in latin.buckets


def test_bigrams_never_cross_comments(featurizer: Featurizer):
    docs = [featurizer.doc("один"), featurizer.doc("два три"), featurizer.doc("")]
    bigrams = featurizer.bigrams(docs)
    assert list(bigrams.doc) == [1]


def test_unit_features_are_char_ngrams_and_the_word(featurizer: Featurizer):
    uid = featurizer.doc("кот").units[0]
    buckets, owner = featurizer.unit_buckets([uid])
    # " кот ": 3 letters + 4 bigrams + 3 trigrams + 2 four-grams + 1 five-gram, and the word
    assert len(buckets) == 3 + 4 + 3 + 2 + 1 + 1
    assert set(owner.tolist()) == {0}
    assert all(0 <= b < 2**16 for b in buckets.tolist())
    other = Featurizer(FeatureSpec(hash_bits=16))
    again, _ = other.unit_buckets([other.unit("кот")])
    assert sorted(again.tolist()) == sorted(buckets.tolist())  # stable across instances


def test_spec_round_trips_and_refuses_unknown_hashing():
    spec = FeatureSpec(hash_bits=18, char_min=2, char_max=4, word_bigrams=False)
    assert FeatureSpec.from_json(spec.to_json()) == spec
    with pytest.raises(ValueError, match="hash"):
        FeatureSpec.from_json({**spec.to_json(), "hash": "crc32"})
    with pytest.raises(ValueError, match="range"):
        FeatureSpec.from_json({**spec.to_json(), "hash_bits": 40})
