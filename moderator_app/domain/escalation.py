"""Escalations: a comment handed to a colleague or manager, with notes about it."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class EscalationStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    escalation_id: int
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Escalation:
    id: int
    comment_id: int
    status: EscalationStatus
    created_at: datetime
    created_by: str
    notes: tuple[Note, ...] = ()
