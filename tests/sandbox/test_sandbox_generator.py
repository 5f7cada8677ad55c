"""The generated stream: deterministic per seed, and as varied as a real comment section."""

import random
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from moderator_app.sandbox import obfuscate
from moderator_app.sandbox.catalog import COMMUNITIES
from moderator_app.sandbox.generator import CommentGenerator
from moderator_app.sandbox.state import World

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def _stream(seed: int, count: int = 400) -> list[dict[str, Any]]:
    world = World(
        "http://sandbox.test", COMMUNITIES, CommentGenerator(seed, COMMUNITIES), lambda: NOW
    )
    world.generate(count)
    return world.comments()


@pytest.fixture(scope="module")
def stream() -> list[dict[str, Any]]:
    return _stream(7)


def _words(texts: list[str]) -> list[str]:
    return [word for text in texts for word in text.split()]


def test_same_seed_same_stream_other_seed_other_stream() -> None:
    assert _stream(7, 120) == _stream(7, 120)
    texts = [c["text"] for c in _stream(8, 120)]
    assert texts != [c["text"] for c in _stream(7, 120)]


def test_both_languages(stream: list[dict[str, Any]]) -> None:
    russian = [c for c in stream if CYRILLIC.search(c["text"])]
    english = [c for c in stream if not CYRILLIC.search(c["text"])]
    assert len(russian) > 0.25 * len(stream)
    assert len(english) > 0.25 * len(stream)
    names = [c["author"]["name"] for c in stream]
    assert any(CYRILLIC.search(n) for n in names)
    assert any(not CYRILLIC.search(n) for n in names)


def test_threads_stay_in_their_post(stream: list[dict[str, Any]]) -> None:
    by_id = {c["id"]: c for c in stream}
    replies = [c for c in stream if c["parent_id"] is not None]
    assert 0.15 * len(stream) < len(replies) < 0.45 * len(stream)
    for reply in replies:
        parent = by_id[reply["parent_id"]]
        assert parent["post"]["id"] == reply["post"]["id"]
        assert int(parent["id"][1:]) < int(reply["id"][1:])


def test_literal_html_and_emoji_and_long_texts(stream: list[dict[str, Any]]) -> None:
    texts = [c["text"] for c in stream]
    assert any(re.search(r"<(script|img|svg|iframe|b)\b", t) for t in texts)
    assert any(re.search(r"[\U0001F300-\U0001FAFF]", t) for t in texts)
    sizes = [len(t.encode()) for t in texts]
    assert any(1024 <= size <= 3200 for size in sizes)
    assert max(sizes) < 3300


def test_disguised_and_transliterated_abuse(stream: list[dict[str, Any]]) -> None:
    words = _words([c["text"] for c in stream])
    mixed_script = [w for w in words if CYRILLIC.search(w) and LATIN.search(w)]
    leet = [w for w in words if CYRILLIC.search(w) and re.search(r"[0-9@$]", w)]
    separated = [w for w in words if re.fullmatch(r"(\w[.\-*_]){3,}\w[,.!?]?", w)]
    stretched = [w for w in words if re.search(r"([аеёиоуыэюяaeiouy])\1\1", w, re.IGNORECASE)]
    translit = [w for w in words if w.strip(",.?!").lower() in {"durak", "nahui", "debil", "mudak"}]
    assert mixed_script, "expected Latin look-alikes inside Cyrillic words"
    assert leet, "expected digits or symbols standing in for Cyrillic letters"
    assert separated, "expected letters split by separators"
    assert stretched, "expected stretched letters"
    assert translit, "expected transliterated Russian"
    assert any(re.search(r"\w\*+\w", w) for w in words), "expected masked swearing"


def test_rough_mix_of_tones(stream: list[dict[str, Any]]) -> None:
    abusive = re.compile(
        r"идиот|дурак|дебил|клоун|тупо|придур|кретин|урод|мудак|сук|нах|ху|пизд|бля|неуч|"
        r"бездар|балабол|бред|чушь|заткн|idiot|moron|clown|loser|stfu|shut up|garbage|dumb|"
        r"f\W*u|sh\W*i|asshole|bitch|jerk|scum|prick|hell|durak|debil|mudak|suka|nahui|urod",
        re.IGNORECASE,
    )
    share = sum(1 for c in stream if abusive.search(obfuscate.transliterate(c["text"]))) / len(
        stream
    )
    assert 0.25 < share < 0.6


def test_initial_comments_spread_over_the_past() -> None:
    world = World("http://sandbox.test", COMMUNITIES, CommentGenerator(1, COMMUNITIES), lambda: NOW)
    world.generate(10, spread=timedelta(hours=3))
    stamps = [c["created_at"] for c in world.comments()]
    assert stamps == sorted(stamps)
    assert stamps[0] >= "2026-11-27T07:00:00Z"
    assert stamps[-1] == "2026-11-27T10:00:00Z"


def test_author_edits_append_an_update() -> None:
    world = World("http://sandbox.test", COMMUNITIES, CommentGenerator(3, COMMUNITIES), lambda: NOW)
    world.generate(5)
    edited_id = world.edit_recent()
    assert edited_id is not None
    comment = world.comment(edited_id)
    assert comment["edited_at"] == "2026-11-27T10:00:00Z"
    assert re.search(r"(UPD|EDIT): ", comment["text"])
    assert world.events(5, 10).events[0].type == "edited"


@pytest.mark.parametrize(
    ("trick", "word", "check"),
    [
        (obfuscate.homoglyphs, "дурак", lambda w: LATIN.search(w) and CYRILLIC.search(w)),
        (obfuscate.leet, "долбоеб", lambda w: re.search(r"[0@36]", w)),
        (obfuscate.stretch, "тупой", lambda w: len(w) >= 7),
        (obfuscate.separate, "дурак", lambda w: len(w) == 9 and w[::2] == "дурак"),
        (obfuscate.mask, "fucking", lambda w: "*" in w and w[0] == "f" and w[-1] == "g"),
    ],
)
def test_each_trick(trick: obfuscate.Trick, word: str, check: Any) -> None:
    rng = random.Random(0)
    for _ in range(20):
        disguised = trick(word, rng)
        assert disguised != word
        assert check(disguised), disguised


def test_transliteration() -> None:
    assert obfuscate.transliterate("Ты дурак") == "Ty durak"
    assert obfuscate.transliterate("иди нахуй!") == "idi nahuy!"
