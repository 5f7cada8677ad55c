import pytest

from moderator_app.toxicity.fold import fold
from moderator_app.toxicity.normalize import normalize, tokenize
from moderator_app.toxicity.spelling import Script, read_word


def canon(text: str) -> str:
    return normalize(text).text


def test_empty_and_wordless_text():
    assert canon("") == ""
    assert tokenize("") == []
    assert canon("  !!! 2021 ... 100$ :-) ") == ""


def test_case_folding_and_yo():
    assert canon("ЁЖИК Ёлка") == "ежик елка"
    assert canon("HeLLo") == "hello"


def test_fancy_letters_accents_and_invisible_characters_fold_away():
    assert canon("ＦＵＣＫ") == "fuck"
    assert canon("𝐟𝐮𝐜𝐤") == "fuck"
    assert canon("идиóт") == "идиот"
    assert canon("ху\u200bй") == "хуй"
    assert canon("ху\u00adй") == "хуй"
    assert canon("й") == "й"  # not "и" + breve


def test_fold_keeps_offsets_for_expanding_and_vanishing_characters():
    folded, origin = fold("ﬁx a\u0301b")
    assert folded == "fix ab"
    assert list(origin) == [0, 0, 1, 2, 3, 5]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("дуpaк", "дурак"),  # Latin p, a
        ("ДУРАK", "дурак"),  # Latin K
        ("xуй", "хуй"),
        ("cукa", "сука"),
        ("мразb", "мразь"),  # final lower-case b is a soft sign
        ("тBарь", "тварь"),  # capital B is В
    ],
)
def test_latin_look_alikes_inside_cyrillic_words(raw: str, expected: str):
    assert canon(raw) == expected


def test_cyrillic_look_alikes_inside_latin_words():
    assert canon("fuсk") == "fuck"  # Cyrillic с
    assert read_word("fuсk").script is Script.LATIN


def test_script_is_decided_by_majority_per_word():
    assert [t.script for t in tokenize("Привет hello 你好")] == [
        Script.CYRILLIC,
        Script.LATIN,
        Script.OTHER,
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("д0лб0@б", "долбоаб"),
        ("4мо", "чмо"),
        ("6лядь", "блядь"),
        ("sh1t", "shit"),
        ("$hit", "shit"),
        ("a$$", "ass"),
        ("1d10t", "idiot"),
        ("b!tch", "bitch"),
        ("жоп@", "жопа"),
    ],
)
def test_digit_and_symbol_stand_ins(raw: str, expected: str):
    assert canon(raw) == expected


def test_ambiguous_three_gets_both_readings():
    reading = read_word("3@36@л")
    assert "заебал" in reading.alternates


def test_numbers_with_units_stay_numbers():
    assert canon("300т") == "300т"
    assert canon("Дима2007") == "дима2007"
    assert canon("10k") == "10k"


def test_stretched_letters_collapse_but_doubles_stay():
    assert canon("тупоооой") == "тупой"
    assert canon("idiooooot") == "idiot"
    assert canon("общее класс") == "общее класс"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("д.у.р.а.к", "дурак"),
        ("д у р а к", "дурак"),
        ("f-u-c-k", "fuck"),
        ("х_у_й", "хуй"),
        ("с у к а", "сука"),
        ("д. у. р. а. к", "дурак"),
        ("д*у*р*а*к", "дурак"),
    ],
)
def test_spelled_out_words_are_glued(raw: str, expected: str):
    assert canon(raw) == expected


def test_single_letter_words_are_not_glued():
    assert canon("а я в шоке") == "а я в шоке"
    assert canon("и т.д. и т.п.") == "и т д и т п"


def test_mixed_separators_do_not_glue():
    assert canon("д.у р-а") == "д у р а"


def test_masks_stay_as_hidden_letters():
    assert canon("f*ck бл*ть") == "f*ck бл*ть"
    assert canon("*дурак*") == "дурак"


def test_transliterated_russian_gets_a_cyrillic_reading():
    assert "дурак" in read_word("durak").alternates
    assert "нахуи" in read_word("nahui").alternates
    assert "сука" in read_word("cyka").alternates  # read by shape


def test_links_mentions_and_addresses_are_skipped():
    assert canon("@durak see http://t.co/xyz and a.b@mail.ru, ok") == "see and ok"


def test_exclamation_inside_cyrillic_splits_words():
    assert canon("красавцы!пидорасы") == "красавцы пидорасы"


def test_offsets_map_back_to_original_text():
    text = "Ну ты  д.у.р.а.к, тупоооой!"
    norm = normalize(text)
    assert norm.text == "ну ты дурак тупой"
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    i = norm.text.index("дурак")
    start, end = norm.to_original(i, i + len("дурак"))
    assert text[start:end] == "д.у.р.а.к"
    i = norm.text.index("тупой")
    start, end = norm.to_original(i, i + len("тупой"))
    assert text[start:end] == "тупоооой"
    # the stretched "о" maps to the whole run
    o = i + 3
    assert text[slice(*norm.to_original(o, o + 1))] == "оооо"


def test_words_sharing_one_original_character_keep_a_valid_map():
    norm = normalize("A¼µ")  # "¼" folds to "1⁄4": two words from one character
    assert norm.text == "ai 4μ"
    assert norm.starts == (0, 1, 1, 1, 2)
    assert norm.ends == (1, 2, 1, 2, 3)


def test_token_ranges_cover_the_word_as_written():
    text = "ＦＵＣＫ and ху\u200bй"
    assert [text[t.start : t.end] for t in tokenize(text)] == ["ＦＵＣＫ", "and", "ху\u200bй"]


def test_to_original_rejects_out_of_range_and_handles_empty():
    norm = normalize("абв где")
    assert norm.to_original(0, 0) == (0, 0)
    assert norm.to_original(len(norm.text), len(norm.text)) == (7, 7)
    with pytest.raises(ValueError, match="outside"):
        norm.to_original(2, 100)
