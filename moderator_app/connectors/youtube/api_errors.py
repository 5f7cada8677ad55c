"""Google's error envelope turned into the typed connector errors.

Google APIs answer a failure with `{"error": {"code", "message", "errors": [{"reason",
"domain", "message"}], "status"}}`. The reason, not the HTTP status, says what happened:
YouTube reports a used-up daily quota as 403, just like a permission problem, and the two
need opposite handling (wait until the quota day ends vs. give up).
"""

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo

import httpx

from moderator_app.connectors.errors import PermanentError, RateLimited
from moderator_app.connectors.http import clean_detail, raise_for_status, retry_after_seconds
from moderator_app.connectors.youtube.text import html_to_text

QUOTA_REASONS = frozenset({"quotaExceeded", "dailyLimitExceeded", "dailyLimitExceededUnreg"})
RATE_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"})
INVALID_PAGE_TOKEN = "invalidPageToken"  # noqa: S105 - an error reason
RATE_LIMIT_DEFAULT_S = 60.0
QUOTA_TIMEZONE = "America/Los_Angeles"
# Pacific Standard Time: used only when no time zone database is installed (a Windows build
# without `tzdata`). Midnight PST is midnight or 1 am in Los Angeles: never too early.
_PST = timezone(timedelta(hours=-8), "PST")


@dataclass(frozen=True, slots=True)
class GoogleError:
    """What an error body says; every field is empty when the body is not an envelope."""

    status: int
    message: str = ""
    reasons: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


class QuotaExhausted(RateLimited):
    """The project's daily YouTube quota is used up; nothing works until `resets_at`."""

    def __init__(self, message: str, retry_after: float, resets_at: datetime) -> None:
        super().__init__(message, retry_after)
        self.resets_at = resets_at


class InvalidPageToken(PermanentError):
    """A stored page token is no longer accepted: the scan has to start again from the top."""


def parse_error(response: httpx.Response) -> GoogleError:
    """The envelope of an error response, tolerant of any body (never raises)."""
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError):
        return GoogleError(response.status_code)
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, str):  # OAuth endpoints: {"error": "invalid_grant", ...}
        description = data.get("error_description")
        text = description if isinstance(description, str) else ""
        return GoogleError(response.status_code, text, (error,))
    if not isinstance(error, dict):
        return GoogleError(response.status_code)
    message = error.get("message")
    items = error.get("errors")
    entries = [e for e in items if isinstance(e, dict)] if isinstance(items, list) else []
    reasons = tuple(r for e in entries if isinstance(r := e.get("reason"), str) and r)
    domains = tuple(d for e in entries if isinstance(d := e.get("domain"), str) and d)
    status_name = error.get("status")
    if not reasons and isinstance(status_name, str) and status_name:
        reasons = (status_name,)
    return GoogleError(
        response.status_code, message if isinstance(message, str) else "", reasons, domains
    )


def describe(error: GoogleError, *, secrets: Iterable[str] = ()) -> str:
    """`reason: message` as one clean line (Google's messages carry HTML links)."""
    text = html_to_text(error.message)
    reason = error.reasons[0] if error.reasons else ""
    joined = f"{reason}: {text}" if reason and text else reason or text
    return clean_detail(joined, secrets=secrets)


def quota_resets_at(now: datetime) -> datetime:
    """The next midnight in Los Angeles, when Google starts a new quota day (as UTC)."""
    zone = _pacific()
    local = now.astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), zone)
    return midnight.astimezone(UTC)


def _pacific() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - zoneinfo is in every supported Python
        return _PST
    try:
        return ZoneInfo(QUOTA_TIMEZONE)
    except ZoneInfoNotFoundError:
        return _PST


def _in_words(seconds: float) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def quota_exhausted(what: str, now: datetime, resets_at: datetime | None = None) -> QuotaExhausted:
    """The error for a used-up quota, waiting until `resets_at` (the next Pacific midnight)."""
    resets_at = resets_at or quota_resets_at(now)
    wait = max(1.0, (resets_at - now).total_seconds())
    return QuotaExhausted(
        f"{what}: the YouTube API daily quota is used up; it resets at midnight Pacific "
        f"time (in {_in_words(wait)})",
        wait,
        resets_at,
    )


def raise_for_google_error(
    response: httpx.Response, *, what: str, now: datetime, secrets: Iterable[str] = ()
) -> None:
    """Raise the typed error for a failed Data API response; success passes.

    Quota → `QuotaExhausted` until midnight Pacific time; per-user rate limits and 429 →
    `RateLimited`; an unusable page token → `InvalidPageToken`; the rest by status
    (401 → AuthExpired, 5xx → TransientError, other 4xx → PermanentError).
    """
    if response.status_code < 400:
        return
    error = parse_error(response)
    detail = describe(error, secrets=secrets)
    reasons = set(error.reasons)
    if reasons & QUOTA_REASONS:
        raise quota_exhausted(what, now)
    if reasons & RATE_REASONS or response.status_code == 429:
        wait = retry_after_seconds(response, default=RATE_LIMIT_DEFAULT_S)
        suffix = f": {detail}" if detail else ""
        raise RateLimited(f"{what}: YouTube asks to slow down{suffix}", wait)
    if INVALID_PAGE_TOKEN in reasons:
        raise InvalidPageToken(f"{what}: YouTube no longer accepts the stored page token")
    raise_for_status(response, what=what, detail=detail)
