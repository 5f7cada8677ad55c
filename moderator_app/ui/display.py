"""How comments turn into short strings for the inbox: times, excerpts, level and state names.

Plain functions (translated through `QCoreApplication.translate`) so the model, the delegate
and the detail pane all say the same thing.
"""

import re
import time
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from moderator_app.domain import ActionKind, ActionStatus, LocalState, PlatformState, ToxicityLevel

_SPACES = re.compile(r"\s+")
EXCERPT_CHARS = 180


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """One line of the comment: whitespace collapsed, cut with an ellipsis. Still plain text."""
    line = _SPACES.sub(" ", text).strip()
    if len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + "…"


# The system time zone, asked again at most this often: asking costs 5-30 µs (a screen of the
# inbox asks ~50 times), and the zone hardly ever changes while the app runs.
ZONE_TTL_S = 60.0
_ZONE: list[tuple[float, QTimeZone]] = []  # (when asked, the zone)


def system_zone() -> QTimeZone:
    now = time.monotonic()
    if not _ZONE or now - _ZONE[0][0] > ZONE_TTL_S:
        _ZONE[:] = [(now, QTimeZone.systemTimeZone())]
    return _ZONE[0][1]


def to_local(moment: datetime) -> QDateTime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), system_zone())


def short_time(moment: datetime, now: datetime | None = None) -> str:
    """Mail-client style: 'now', '12 min', '14:05' today, '3 Mar' this year, '03.03.25' before."""
    now = now or datetime.now(tz=UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = (now - moment).total_seconds()
    if -60 < seconds < 60:
        return QCoreApplication.translate("Display", "now")
    if 0 < seconds < 3600:
        minutes = str(int(seconds // 60))
        return QCoreApplication.translate("Display", "%1 min").replace("%1", minutes)
    local = to_local(moment)
    local_now = to_local(now)
    locale = QLocale()
    if local.date() == local_now.date():
        return locale.toString(local.time(), "HH:mm")
    if local.date().year() == local_now.date().year():
        return locale.toString(local.date(), "d MMM")
    return locale.toString(local.date(), "dd.MM.yy")


def full_time(moment: datetime) -> str:
    return QLocale().toString(to_local(moment), "d MMMM yyyy, HH:mm")


def level_name(level: ToxicityLevel | None) -> str:
    if level is ToxicityLevel.TOXIC:
        return QCoreApplication.translate("Display", "Toxic")
    if level is ToxicityLevel.REVIEW:
        return QCoreApplication.translate("Display", "Review")
    if level is ToxicityLevel.OK:
        return QCoreApplication.translate("Display", "OK")
    return QCoreApplication.translate("Display", "Scoring")


def local_state_name(state: LocalState) -> str:
    names = {
        LocalState.NEW: QCoreApplication.translate("Display", "New"),
        LocalState.REVIEWED: QCoreApplication.translate("Display", "Reviewed"),
        LocalState.REPLIED: QCoreApplication.translate("Display", "Replied"),
        LocalState.HIDDEN: QCoreApplication.translate("Display", "Hidden"),
        LocalState.ESCALATED: QCoreApplication.translate("Display", "Escalated"),
    }
    return names[state]


def platform_state_name(state: PlatformState) -> str:
    names = {
        PlatformState.VISIBLE: QCoreApplication.translate("Display", "Visible"),
        PlatformState.HIDDEN: QCoreApplication.translate("Display", "Hidden on platform"),
        PlatformState.HELD: QCoreApplication.translate("Display", "Held for review"),
        PlatformState.DELETED: QCoreApplication.translate("Display", "Deleted"),
    }
    return names[state]


def action_kind_name(kind: ActionKind) -> str:
    names = {
        ActionKind.REPLY: QCoreApplication.translate("Display", "Reply"),
        ActionKind.HIDE: QCoreApplication.translate("Display", "Hide"),
        ActionKind.UNHIDE: QCoreApplication.translate("Display", "Unhide"),
        ActionKind.DELETE: QCoreApplication.translate("Display", "Delete"),
        ActionKind.REPORT: QCoreApplication.translate("Display", "Report"),
        ActionKind.ESCALATE: QCoreApplication.translate("Display", "Escalate"),
    }
    return names[kind]


def action_status_name(status: ActionStatus) -> str:
    names = {
        ActionStatus.PENDING: QCoreApplication.translate("Display", "pending"),
        ActionStatus.SENDING: QCoreApplication.translate("Display", "sending"),
        ActionStatus.DONE: QCoreApplication.translate("Display", "done"),
        ActionStatus.FAILED: QCoreApplication.translate("Display", "failed"),
    }
    return names[status]
