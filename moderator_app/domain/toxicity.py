"""A scorer's verdict on one text, with the spans that explain it."""

from dataclasses import dataclass
from enum import StrEnum


class ToxicityLevel(StrEnum):
    OK = "ok"
    REVIEW = "review"
    TOXIC = "toxic"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {ToxicityLevel.OK: 0, ToxicityLevel.REVIEW: 1, ToxicityLevel.TOXIC: 2}


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of the original text that drove the score."""

    start: int
    end: int
    label: str = "insult"
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class ToxicityResult:
    score: float
    level: ToxicityLevel
    spans: tuple[Span, ...] = ()
    scorer: str = ""
    labels: tuple[str, ...] = ()
