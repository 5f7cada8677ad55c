import pytest

from moderator_app.toxicity.patterns import (
    Mode,
    PatternIndex,
    WordPattern,
    expand_braces,
    match_key,
    parse_word,
)


def test_expand_braces():
    assert expand_braces("ху{й,я}*") == ["хуй*", "хуя*"]
    assert expand_braces("{a,b}{1,2}") == ["a1", "a2", "b1", "b2"]
    assert expand_braces("дур{,ы}") == ["дур", "дуры"]
    assert expand_braces("plain") == ["plain"]


@pytest.mark.parametrize(
    ("word", "mode", "text"),
    [
        ("идиот", Mode.EXACT, "идиот"),
        ("дурак*", Mode.PREFIX, "дурак"),
        ("*shit", Mode.SUFFIX, "shit"),
        ("*хуй*", Mode.INFIX, "хуй"),
        ("ЁБ*", Mode.PREFIX, "еб"),
    ],
)
def test_parse_word(word: str, mode: Mode, text: str):
    pattern = parse_word(word)
    assert (pattern.mode, pattern.text) == (mode, text)


@pytest.mark.parametrize("bad", ["", "*", "**", "a*b", "сучь*"])
def test_parse_word_rejects_bad_words(bad: str):
    with pytest.raises(ValueError, match="lexicon word"):
        parse_word(bad)


def test_match_key_squeezes_runs_and_drops_soft_signs():
    assert match_key("тупой") == ("тупой", None)
    assert match_key("тупоооой") == ("тупой", (1, 1, 1, 4, 1))
    assert match_key("блять") == ("блят", None)


def index(*words: str) -> tuple[PatternIndex, list[str]]:
    return PatternIndex([parse_word(w) for w in words]), list(words)


def matched(spelling: str, *words: str) -> list[str]:
    idx, names = index(*words)
    return [names[i] for i in idx.match(spelling)]


def test_modes():
    words = ("идиот", "дурак*", "*хуй*", "*shit")
    assert matched("идиот", *words) == ["идиот"]
    assert matched("идиоты", *words) == []
    assert matched("дураки", *words) == ["дурак*"]
    assert matched("одурачить", *words) == []
    assert matched("нахуй", *words) == ["*хуй*"]
    assert matched("bullshit", *words) == ["*shit"]
    assert matched("shitty", *words) == []


def test_stretched_letters_match_but_doubles_must_agree():
    assert matched("тупоооой", "тупой") == ["тупой"]
    assert matched("sssuka", "сука", "suka") == ["suka"]
    assert matched("assss", "ass") == ["ass"]
    assert matched("as", "ass") == []
    assert matched("asap", "ass*") == []
    assert matched("assess", "asses") == []
    assert matched("ssuka", "suka") == []


def test_a_double_may_run_on_past_an_open_end():
    assert matched("ебанный", "ебан*") == ["ебан*"]
    assert matched("заебанный", "*ебан*") == ["*ебан*"]
    assert matched("ебаный", "ебанн*") == []


def test_soft_signs_are_ignored():
    assert matched("тварь", "твар*") == ["твар*"]
    assert matched("убью", "убю") == ["убю"]


@pytest.mark.parametrize(
    ("masked", "word"),
    [
        ("f*ck", "fuck"),
        ("f**k", "fuck"),
        ("бл*ть", "бля*"),
        ("х*й", "*хуй*"),
        ("н*х*й", "*хуй*"),
        ("п**дец", "*пизд*"),
    ],
)
def test_masked_words(masked: str, word: str):
    assert matched(masked, word) == [word]


def test_masks_need_real_letters():
    assert matched("***", "fuck", "хуй") == []
    assert matched("f***", "fuck") == []  # one real letter is too little
    assert matched("f*ck", "fuckface") == []  # too short for an exact word


def test_word_pattern_is_hashable_and_keyed():
    pattern = WordPattern("ass", Mode.EXACT)
    assert (pattern.key, pattern.runs) == ("as", (1, 2))
    assert {pattern, WordPattern("ass", Mode.EXACT)} == {pattern}
