"""The inbox's language filter: Russian or English by the letters' script."""

import pytest

from moderator_app.store.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Спасибо за статью!", "ru"),
        ("Thanks for the article!", "en"),
        ("ЁЖИК ёжик", "ru"),
        ("Ну ok", "ru"),  # three Cyrillic letters to two Latin
        ("okay да", "en"),
        ("ok да", "ru"),  # a tie goes to Russian
        ("Привет, how are you doing", "en"),
        ("spasibo bolshoe", "en"),  # transliterated Russian is Latin script
        ("Ўсё добра, дзякуй", "ru"),  # Cyrillic beyond the Russian alphabet counts too
        ("café naïve", "en"),
        ("ok", ""),  # too few letters to tell
        ("12345 !!! 🙂", ""),
        ("", ""),
        ("\ud83d broken surrogate, still English", "en"),  # a lone surrogate from JSON
    ],
)
def test_detects_the_script_most_letters_are_in(text: str, language: str) -> None:
    assert detect_language(text) == language
