"""Typed connector failures, so the engine knows whether to wait, retry, re-login or give up.

Messages must never contain a token: connectors build them from status codes and the
platform's error text only.
"""


class ConnectorError(Exception):
    """Base of every failure a connector reports."""


class TransientError(ConnectorError):
    """Worth retrying soon: network loss, timeouts, 5xx, malformed payloads from a flaky proxy."""


class RateLimited(TransientError):
    """The platform asked us to slow down; wait at least `retry_after` seconds."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = max(0.0, retry_after)


class AuthExpired(ConnectorError):
    """The credentials no longer work; the account needs the moderator to sign in again."""


class UserActionRequired(ConnectorError):
    """Only the moderator can unblock this (a VK captcha, a consent screen). `kind` names
    the situation, `url` is what to show or open, `data` what the connector needs back."""

    def __init__(
        self, message: str, *, kind: str, url: str = "", data: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.url = url
        self.data = dict(data or {})


class PermanentError(ConnectorError):
    """Retrying the same request will not help (deleted comment, validation error, 4xx)."""


class NotSupported(PermanentError):
    """The platform has no such operation (e.g. unhide on Telegram)."""
