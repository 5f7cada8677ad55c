"""A community's calibration as plain data: two thresholds and an optional learned correction.

Stored as JSON (never pickle): a format number, the thresholds, and the correction's few named
weights. The correction reads `logit(score) = (1 + slope)·logit(base) + bias + Σ wᶠ·xᶠ`, so
all-zero weights mean exactly the base model, and every weight says how much one word, word
piece or lexicon label moves a comment in this community.
"""

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from moderator_app.toxicity.base import REVIEW_THRESHOLD, TOXIC_THRESHOLD

FORMAT = 1
# Base scores are read no more certain than 1 % / 99 %: a lexicon's 0.0 means "no rude word",
# not "certainly fine", and unbounded logits would let one missed comment swing the fit.
_EDGE = 0.01


class CalibrationFormatError(ValueError):
    """Stored calibration data this version cannot read."""


class Origin(StrEnum):
    DEFAULT = "default"  # nothing learned yet: the base model and default thresholds
    FEEDBACK = "feedback"  # refit from the moderators' decisions
    MANUAL = "manual"  # thresholds set by hand in the Flagging dialog


def logit(p: float) -> float:
    p = min(max(p, _EDGE), 1.0 - _EDGE)
    return math.log(p / (1.0 - p))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class Correction:
    slope: float = 0.0
    bias: float = 0.0
    weights: Mapping[str, float] = field(default_factory=dict)

    def adjust(self, base_score: float, features: Mapping[str, float]) -> float:
        """The corrected probability for a comment with this base score and these features."""
        z = (1.0 + self.slope) * logit(base_score) + self.bias
        weights = self.weights
        z += sum(weights.get(name, 0.0) * value for name, value in features.items())
        return sigmoid(z)

    def to_dict(self) -> dict[str, Any]:
        return {
            "slope": round(self.slope, 6),
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Correction":
        weights = data.get("weights", {})
        if not isinstance(weights, dict):
            raise CalibrationFormatError("correction weights must be an object")
        return cls(
            slope=float(data.get("slope", 0.0)),
            bias=float(data.get("bias", 0.0)),
            weights={str(k): float(v) for k, v in weights.items()},
        )


@dataclass(frozen=True, slots=True)
class Calibration:
    """Per-account flagging: a comment is 'review' from `review` up and 'toxic' from `toxic` up
    (on the corrected score when there is a correction)."""

    review: float = REVIEW_THRESHOLD
    toxic: float = TOXIC_THRESHOLD
    correction: Correction | None = None
    origin: Origin = Origin.DEFAULT
    hidden: int = 0
    """Feedback rows saying 'toxic' the correction was fitted on."""
    approved: int = 0
    """Feedback rows saying 'ok' the correction was fitted on."""
    recall_targets: tuple[float, float] | None = None
    """Share of the toxic decisions to flag at review / toxic level, once a moderator chose
    thresholds by hand; None follows the base scorer's own thresholds."""
    version: int = 0
    """Assigned by the store when saved; 0 for one that was never saved."""

    def __post_init__(self) -> None:
        if not 0.0 < self.review < self.toxic < 1.0:
            raise ValueError(
                f"thresholds must satisfy 0 < review < toxic < 1 (got {self.review}, {self.toxic})"
            )

    def to_dict(self) -> dict[str, Any]:
        """Everything but `version`, which belongs to the stored row."""
        return {
            "format": FORMAT,
            "review": round(self.review, 4),
            "toxic": round(self.toxic, 4),
            "origin": self.origin.value,
            "hidden": self.hidden,
            "approved": self.approved,
            "correction": None if self.correction is None else self.correction.to_dict(),
            "recall_targets": None if self.recall_targets is None else list(self.recall_targets),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, version: int = 0) -> "Calibration":
        if data.get("format") != FORMAT:
            raise CalibrationFormatError(f"unknown calibration format {data.get('format')!r}")
        correction = data.get("correction")
        targets = data.get("recall_targets")
        try:
            return cls(
                review=float(data["review"]),
                toxic=float(data["toxic"]),
                correction=None if correction is None else Correction.from_dict(correction),
                origin=Origin(data.get("origin", Origin.DEFAULT.value)),
                hidden=int(data.get("hidden", 0)),
                approved=int(data.get("approved", 0)),
                recall_targets=None if targets is None else (float(targets[0]), float(targets[1])),
                version=version,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CalibrationFormatError(f"unreadable calibration: {exc}") from exc

    @classmethod
    def from_json(cls, text: str, *, version: int = 0) -> "Calibration":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CalibrationFormatError(f"calibration is not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise CalibrationFormatError("calibration must be a JSON object")
        return cls.from_dict(data, version=version)
