"""Second opinions from cloud scorers, one per comment and service, tied to the text they judged
(an edited comment is asked again). Only flagged comments are sent, which bounds the cost."""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from moderator_app.domain import LocalState, ToxicityLevel
from moderator_app.store.timeutil import now_ts

_SCAN = 200
_FLAGGED = (ToxicityLevel.REVIEW.value, ToxicityLevel.TOXIC.value)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class CloudOpinion:
    service: str
    score: float | None
    """None: the service had no opinion on this text (e.g. a language it does not support)."""
    labels: tuple[str, ...] = ()


class CloudCheckRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def pending(self, service: str, limit: int = 20) -> list[tuple[int, str]]:
        """Newest flagged, unreviewed comments this service has not judged in their current
        wording: (id, text), newest first."""
        marks = ", ".join("?" for _ in _FLAGGED)
        rows = self._db.execute(
            "SELECT c.id, c.text, k.text_hash FROM comments c LEFT JOIN cloud_checks k "
            "ON k.comment_id = c.id AND k.service = ? "
            f"WHERE c.tox_level IN ({marks}) AND c.local_state = ? AND c.by_us = 0 "
            "ORDER BY c.id DESC LIMIT ?",
            [service, *_FLAGGED, LocalState.NEW.value, _SCAN],
        ).fetchall()
        found = [(int(cid), str(text)) for cid, text, h in rows if h != text_hash(str(text))]
        return found[:limit]

    def record(self, comment_id: int, service: str, text: str, opinion: CloudOpinion) -> None:
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO cloud_checks (comment_id, service, text_hash, score, labels, ts) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(comment_id, service) DO UPDATE SET "
                "text_hash = excluded.text_hash, score = excluded.score, "
                "labels = excluded.labels, ts = excluded.ts",
                [
                    comment_id,
                    service,
                    text_hash(text),
                    opinion.score,
                    json.dumps(list(opinion.labels)),
                    now_ts(),
                ],
            )

    def opinions(self, comment_ids: Sequence[int]) -> dict[int, list[CloudOpinion]]:
        """Stored opinions that still match each comment's current text."""
        found: dict[int, list[CloudOpinion]] = {}
        for start in range(0, len(comment_ids), 500):
            chunk = list(comment_ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            rows = self._db.execute(
                "SELECT k.comment_id, k.service, k.score, k.labels, k.text_hash, c.text "
                "FROM cloud_checks k JOIN comments c ON c.id = k.comment_id "
                f"WHERE k.comment_id IN ({marks}) ORDER BY k.service",
                chunk,
            ).fetchall()
            for cid, service, score, labels, stored_hash, text in rows:
                if stored_hash != text_hash(str(text)):
                    continue
                found.setdefault(int(cid), []).append(
                    CloudOpinion(
                        str(service),
                        None if score is None else float(score),
                        tuple(json.loads(labels)),
                    )
                )
        return found
