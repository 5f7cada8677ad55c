"""App-wide settings in the database, each declared once with its type, default and meaning.

Values are JSON. Secrets never live here (API keys are in the keyring, see `secrets`).
"""

import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlite_utils import Database

from moderator_app.toxicity.base import REVIEW_THRESHOLD, TOXIC_THRESHOLD

T = TypeVar("T", bool, int, float, str)


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    default: T
    description: str


CLOUD_OPENAI_ENABLED = Setting(
    "cloud.openai.enabled",
    False,
    "Ask OpenAI's moderation endpoint for a second opinion on flagged comments (needs a key).",
)
CLOUD_PERSPECTIVE_ENABLED = Setting(
    "cloud.perspective.enabled",
    False,
    "Ask Google's Perspective API for a second opinion on flagged comments (needs a key; "
    "the service is being retired at the end of 2026).",
)
CLOUD_OPENAI_STATUS = Setting(
    "cloud.openai.status", "", "Why the OpenAI scorer stopped, shown in settings ('' if fine)."
)
CLOUD_PERSPECTIVE_STATUS = Setting(
    "cloud.perspective.status",
    "",
    "Why the Perspective scorer stopped, shown in settings ('' if fine).",
)

BASE_REVIEW_THRESHOLD = Setting(
    "scoring.base.review",
    REVIEW_THRESHOLD,
    "The base scorer's own review threshold, as last seen by the engine (shown in Flagging).",
)
BASE_TOXIC_THRESHOLD = Setting(
    "scoring.base.toxic",
    TOXIC_THRESHOLD,
    "The base scorer's own toxic threshold, as last seen by the engine (shown in Flagging).",
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    CLOUD_OPENAI_ENABLED,
    CLOUD_PERSPECTIVE_ENABLED,
    CLOUD_OPENAI_STATUS,
    CLOUD_PERSPECTIVE_STATUS,
    BASE_REVIEW_THRESHOLD,
    BASE_TOXIC_THRESHOLD,
)


def learning_enabled(account_id: int) -> Setting[bool]:
    """Per account: whether moderators' decisions refit its calibration."""
    return Setting(
        f"flagging.learn.{account_id}",
        True,
        "Learn this account's flagging from the moderators' hide and approve decisions.",
    )


class SettingsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, setting: Setting[T]) -> T:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [setting.key]).fetchone()
        if row is None:
            return setting.default
        try:
            value = json.loads(row[0])
        except ValueError:
            return setting.default
        # A value of the wrong type (hand-edited, or from another version) reads as the default.
        return value if type(value) is type(setting.default) else setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if type(value) is not type(setting.default):
            raise TypeError(f"{setting.key} takes a {type(setting.default).__name__}")
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [setting.key, json.dumps(value)],
            )
