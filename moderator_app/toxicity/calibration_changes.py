"""What a recalibration changed, in terms a moderator can check: thresholds, and the words and
labels whose weight moved most. The structured `Change` items let the UI word them in the
user's language; `describe_change` words them in English for logs and events."""

from dataclasses import dataclass
from enum import StrEnum

from moderator_app.toxicity.calibration_model import Calibration
from moderator_app.toxicity.correction_features import feature_kind, feature_text

MAX_FEATURES = 5
MIN_DELTA = 0.05
_THRESHOLD_STEP = 0.005


class ChangeKind(StrEnum):
    REVIEW_THRESHOLD = "review_threshold"
    TOXIC_THRESHOLD = "toxic_threshold"
    WORD = "word"
    LABEL = "label"
    RESET = "reset"  # the learned correction was dropped


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    before: float = 0.0
    after: float = 0.0
    subject: str = ""
    """The word or label for WORD/LABEL changes."""

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def towards_fine(self) -> bool:
        return self.delta < 0


def changes(old: Calibration, new: Calibration, limit: int = MAX_FEATURES) -> list[Change]:
    found: list[Change] = []
    if abs(new.review - old.review) >= _THRESHOLD_STEP:
        found.append(Change(ChangeKind.REVIEW_THRESHOLD, old.review, new.review))
    if abs(new.toxic - old.toxic) >= _THRESHOLD_STEP:
        found.append(Change(ChangeKind.TOXIC_THRESHOLD, old.toxic, new.toxic))
    if old.correction is not None and new.correction is None:
        found.append(Change(ChangeKind.RESET))
    old_w = old.correction.weights if old.correction else {}
    new_w = new.correction.weights if new.correction else {}
    moved: list[Change] = []
    for name in set(old_w) | set(new_w):
        kind = feature_kind(name)
        if kind == "piece":
            continue  # "'<нуб' is fine" means nothing to a person; its word says it better
        before, after = old_w.get(name, 0.0), new_w.get(name, 0.0)
        if abs(after - before) >= MIN_DELTA:
            change_kind = ChangeKind.WORD if kind == "word" else ChangeKind.LABEL
            moved.append(Change(change_kind, before, after, feature_text(name)))
    moved.sort(key=lambda c: (-abs(c.delta), c.subject))
    return found + moved[:limit]


def describe(change: Change) -> str:
    if change.kind is ChangeKind.REVIEW_THRESHOLD:
        return f"Review threshold {change.before:.2f} → {change.after:.2f}"
    if change.kind is ChangeKind.TOXIC_THRESHOLD:
        return f"Toxic threshold {change.before:.2f} → {change.after:.2f}"
    if change.kind is ChangeKind.RESET:
        return "Learned corrections removed: flags follow the base model again"
    verdict = "usually fine here" if change.towards_fine else "usually hidden here"
    amount = f"{'−' if change.delta < 0 else '+'}{abs(change.delta):.1f}"
    if change.kind is ChangeKind.LABEL:
        return f"Learned: words labelled '{change.subject}' are {verdict} ({amount})"
    return f"Learned: '{change.subject}' is {verdict} ({amount})"


def describe_change(old: Calibration, new: Calibration) -> list[str]:
    """Human-readable lines, e.g. "Review threshold 0.35 → 0.42",
    "Learned: 'нуб' is usually fine here (−0.3)"."""
    return [describe(c) for c in changes(old, new)]
