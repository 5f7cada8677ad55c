"""Times are stored as UTC epoch seconds (REAL): compact, indexable and sortable."""

from datetime import UTC, datetime


def to_ts(moment: datetime) -> float:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def from_ts(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=UTC)


def now_ts() -> float:
    return datetime.now(tz=UTC).timestamp()
