import pytest

from moderator_app.domain import Span
from moderator_app.toxicity.hits import Hit, combine_weights, merge_hits


def test_combine_weights_is_a_noisy_or():
    assert combine_weights([]) == 0.0
    assert combine_weights([0.5]) == 0.5
    assert combine_weights([0.5, 0.5]) == pytest.approx(0.75)
    assert combine_weights([1.0, 0.3]) == 1.0
    assert combine_weights([-1.0, 2.0]) == 1.0


def test_overlapping_hits_merge_under_the_strongest():
    hits = [
        Hit(4, 9, "obscene", 0.85, entry=1),  # "нахуй"
        Hit(0, 9, "obscene", 0.9, entry=2),  # "иди нахуй"
        Hit(11, 15, "insult", 0.65, entry=3),  # "урод"
    ]
    merged = merge_hits(hits)
    assert [span for span, _ in merged] == [
        Span(0, 9, "obscene", 0.9),
        Span(11, 15, "insult", 0.65),
    ]
    assert [hit.entry for _, hit in merged] == [2, 3]


def test_touching_hits_stay_apart():
    merged = merge_hits([Hit(0, 3, "insult", 0.5, 1), Hit(3, 6, "insult", 0.5, 2)])
    assert [(s.start, s.end) for s, _ in merged] == [(0, 3), (3, 6)]


def test_chained_overlaps_merge_into_one_span():
    merged = merge_hits(
        [Hit(0, 4, "insult", 0.5, 1), Hit(3, 8, "threat", 0.8, 2), Hit(7, 10, "insult", 0.4, 3)]
    )
    assert [s for s, _ in merged] == [Span(0, 10, "threat", 0.8)]
