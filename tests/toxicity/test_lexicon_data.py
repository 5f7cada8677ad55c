from pathlib import Path

import pytest

from moderator_app.paths import resource_path
from moderator_app.toxicity.lexicon_data import (
    EXCEPTIONS_FILE,
    LABELS,
    LEXICON_FILES,
    Lexicon,
    LexiconRow,
    default_lexicon,
    load_lexicon,
    parse_exceptions,
    parse_rows,
)


def test_bundled_files_exist_and_load():
    for name in (*LEXICON_FILES, EXCEPTIONS_FILE):
        assert resource_path("toxicity", name).is_file()
    lexicon = default_lexicon()
    assert len(lexicon.entries) > 500
    assert {e.label for e in lexicon.entries} == LABELS
    assert all(0 < e.weight <= 1 for e in lexicon.entries)


def test_default_lexicon_is_loaded_once():
    assert default_lexicon() is default_lexicon()


def test_parse_rows_skips_comments_blank_lines_and_header():
    text = "# a comment\npattern\tlabel\tweight\n\nдурак*\tinsult\t0.5\nиди нахуй\tobscene\t0.9\n"
    rows = parse_rows(text, "x.tsv")
    assert [(r.pattern, r.label, r.weight) for r in rows] == [
        ("дурак*", "insult", 0.5),
        ("иди нахуй", "obscene", 0.9),
    ]
    assert rows[0].source == "x.tsv:4"


def test_parse_rows_rejects_malformed_lines():
    with pytest.raises(ValueError, match=r"x\.tsv:1"):
        parse_rows("дурак\tinsult\n", "x.tsv")


def test_unknown_label_bad_weight_and_duplicates_are_rejected():
    with pytest.raises(ValueError, match="unknown label"):
        Lexicon([LexiconRow("дурак", "rude", 0.5)])
    with pytest.raises(ValueError, match="outside"):
        Lexicon([LexiconRow("дурак", "insult", 1.5)])
    with pytest.raises(ValueError, match="already in"):
        Lexicon([LexiconRow("дур{ак,ак}", "insult", 0.5), LexiconRow("дурак", "insult", 0.4)])


def test_braces_expand_into_entries_and_phrases_share_words():
    lexicon = Lexicon(
        [LexiconRow("{иди,пошел} нахуй", "obscene", 0.9), LexiconRow("нахуй", "obscene", 0.8)]
    )
    assert [e.pattern for e in lexicon.entries] == ["иди нахуй", "пошел нахуй", "нахуй"]
    # "нахуй" is one word pattern however many entries use it
    assert len(lexicon.words.patterns) == 3
    assert lexicon.entries[0].words[1] == lexicon.entries[2].words[0]


def test_parse_exceptions():
    assert parse_exceptions("# why\npattern\n*психу*\nhue\tcolour\n\n") == ["*психу*", "hue"]


def test_load_lexicon_from_files(tmp_path: Path):
    lex = tmp_path / "lex.tsv"
    lex.write_text("pattern\tlabel\tweight\nfoo*\tinsult\t0.5\n", encoding="utf-8")
    exc = tmp_path / "exc.tsv"
    exc.write_text("pattern\nfoobar\n", encoding="utf-8")
    lexicon = load_lexicon([lex], exc)
    assert [e.pattern for e in lexicon.entries] == ["foo*"]
    assert lexicon.exceptions.match("foobar") == [0]
