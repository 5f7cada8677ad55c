import pytest

from moderator_app.toxicity.translit import latin_to_cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("durak", "дурак"),
        ("ty", "ты"),
        ("tupoy", "тупой"),
        ("nahui", "нахуи"),
        ("suka", "сука"),
        ("blyat", "блят"),
        ("pizdec", "пиздец"),
        ("pizdets", "пиздец"),
        ("ebat", "ебат"),
        ("mudak", "мудак"),
        ("shchi", "щи"),
        ("zhopa", "жопа"),
        ("khuy", "хуй"),
        ("yobany", "ебаны"),
        ("4mo", "чмо"),
        ("6lyad", "бляд"),
        ("xuy", "хуй"),
        ("wmara", "шмара"),
        ("mraz'", "мразь"),
    ],
)
def test_common_schemes(latin: str, cyrillic: str):
    assert latin_to_cyrillic(latin) == cyrillic


def test_unknown_characters_pass_through():
    assert latin_to_cyrillic("d*rak") == "д*рак"
    assert latin_to_cyrillic("ä") == "ä"
