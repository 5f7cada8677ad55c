"""From raw lexicon hits to what a moderator sees: non-overlapping spans and one score.

Hits overlap ("иди нахуй" as a phrase and "нахуй" as a word); showing both would be noise, so
overlapping hits merge into one span labelled by the strongest. The score is a noisy-OR over
distinct lexicon entries, so saying the same word five times is not five times as toxic, but
several different insults add up.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from moderator_app.domain import Span


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon entry found at [start, end) of the original text."""

    start: int
    end: int
    label: str
    weight: float
    entry: int


def _stronger(a: Hit, b: Hit) -> Hit:
    """The hit that speaks for a merged span: heavier, then wider, then earlier entry."""
    key_a = (a.weight, a.end - a.start, -a.entry)
    key_b = (b.weight, b.end - b.start, -b.entry)
    return a if key_a >= key_b else b


def merge_hits(hits: Sequence[Hit]) -> list[tuple[Span, Hit]]:
    """Overlapping hits merged, in text order, each span with the hit that labels it."""
    out: list[tuple[Span, Hit]] = []
    ordered = sorted(hits, key=lambda h: (h.start, h.end, h.entry))
    i = 0
    while i < len(ordered):
        best = ordered[i]
        start, end = best.start, best.end
        j = i + 1
        while j < len(ordered) and ordered[j].start < end:
            end = max(end, ordered[j].end)
            best = _stronger(best, ordered[j])
            j += 1
        out.append((Span(start, end, best.label, best.weight), best))
        i = j
    return out


def combine_weights(weights: Iterable[float]) -> float:
    """Noisy-OR: 1 - Π(1 - w), each weight clamped to [0, 1]."""
    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - min(1.0, max(0.0, w))
    return min(1.0, max(0.0, 1.0 - remaining))
