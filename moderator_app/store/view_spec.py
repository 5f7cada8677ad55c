"""A saved or current inbox question in the moderator's terms: like `CommentFilter`, but a date
range can be relative ("last 24 h" stays the last 24 hours tomorrow). Stored as JSON in
`saved_views.filter`; unknown or broken fields read back as "no restriction"."""

import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, TypeVar

from moderator_app.domain import LocalState, Platform, ToxicityLevel
from moderator_app.store.filters import CommentFilter, SortOrder


class Period(StrEnum):
    ANY = ""
    HOUR = "1h"
    DAY = "24h"
    WEEK = "7d"
    CUSTOM = "custom"  # since_ts / until_ts as given

    @property
    def seconds(self) -> float | None:
        return _SECONDS.get(self)


_E = TypeVar("_E", bound=StrEnum)
_SECONDS = {Period.HOUR: 3600.0, Period.DAY: 86400.0, Period.WEEK: 7 * 86400.0}


@dataclass(frozen=True, slots=True)
class ViewSpec:
    account_id: int | None = None
    platform: Platform | None = None
    thread_remote_id: str | None = None
    thread_title: str = ""  # shown on the filter chip; not part of the question
    min_level: ToxicityLevel | None = None
    score_min: float | None = None
    score_max: float | None = None
    local_states: tuple[LocalState, ...] = ()
    failed_actions_only: bool = False
    author_name: str | None = None
    period: Period = Period.ANY
    since_ts: float | None = None
    until_ts: float | None = None
    language: str | None = None
    search: str = ""
    sort: SortOrder = SortOrder.NEWEST

    def to_filter(self, now: float) -> CommentFilter:
        since, until = self.since_ts, self.until_ts
        seconds = self.period.seconds
        if seconds is not None:
            since, until = now - seconds, None
        elif self.period is Period.ANY:
            since, until = None, None
        return CommentFilter(
            account_id=self.account_id,
            platform=self.platform,
            thread_remote_id=self.thread_remote_id if self.account_id is not None else None,
            min_level=self.min_level,
            score_min=self.score_min,
            score_max=self.score_max,
            local_states=self.local_states,
            failed_actions_only=self.failed_actions_only,
            author_name=self.author_name,
            since_ts=since,
            until_ts=until,
            language=self.language,
            search=self.search.strip(),
            sort=self.sort,
        )

    def active_count(self) -> int:
        """How many restrictions are on besides search and sort (the filter button's badge)."""
        return sum(
            (
                self.account_id is not None,
                self.platform is not None,
                self.thread_remote_id is not None,
                self.min_level is not None,
                self.score_min is not None or self.score_max is not None,
                bool(self.local_states),
                self.failed_actions_only,
                self.author_name is not None,
                self.period is not Period.ANY,
                self.language is not None,
            )
        )

    def to_json(self) -> str:
        data = asdict(self)
        data["local_states"] = [s.value for s in self.local_states]
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "ViewSpec":
        try:
            data = json.loads(text)
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        return cls(**{k: v for k, v in _read(data).items() if v is not None})


def _enum(kind: type[_E], value: Any) -> _E | None:
    try:
        return kind(value)
    except ValueError:
        return None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _read(data: dict[str, Any]) -> dict[str, Any]:
    states = data.get("local_states")
    account = _number(data.get("account_id"))
    return {
        "account_id": None if account is None else int(account),
        "platform": _enum(Platform, data.get("platform")),
        "thread_remote_id": _text(data.get("thread_remote_id")),
        "thread_title": _text(data.get("thread_title")),
        "min_level": _enum(ToxicityLevel, data.get("min_level")),
        "score_min": _number(data.get("score_min")),
        "score_max": _number(data.get("score_max")),
        "local_states": tuple(
            s for v in (states if isinstance(states, list) else []) if (s := _enum(LocalState, v))
        ),
        "failed_actions_only": data.get("failed_actions_only") is True,
        "author_name": _text(data.get("author_name")),
        "period": _enum(Period, data.get("period")),
        "since_ts": _number(data.get("since_ts")),
        "until_ts": _number(data.get("until_ts")),
        "language": _text(data.get("language")),
        "search": _text(data.get("search")),
        "sort": _enum(SortOrder, data.get("sort")),
    }
