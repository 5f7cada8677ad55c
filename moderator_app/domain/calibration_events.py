"""The engine's word that an account's flagging was recalibrated from moderators' decisions."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CalibrationChanged:
    """`summary` says what changed, in English (e.g. "Review threshold 0.35 → 0.42"); the UI
    may word it again from the stored versions in the user's language."""

    account_id: int
    version: int
    summary: tuple[str, ...] = ()
