"""Keep secrets out of logs, for every connector at once.

httpx logs each request URL at INFO level, and platforms put secrets in URLs: Telegram the bot
token in the path (`/bot<token>/getUpdates`), VK the long-poll key in the query, OAuth
providers codes and tokens in query strings. This filter masks them before a record reaches
any handler; nothing is dropped.
"""

import logging
import re

MASK = "***"
LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy")

_BOT_TOKEN = re.compile(r"(?<!\d)\d{3,20}:[A-Za-z0-9_-]{20,}")
_SECRET_PARAM = re.compile(
    r"([?&](?:key|access_token|refresh_token|token|code|client_secret|password|secret)=)"
    r"[^&#\s\"']+",
    re.IGNORECASE,
)
_AUTH_HEADER = re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}")


def redact(text: str) -> str:
    text = _BOT_TOKEN.sub(MASK, text)
    text = _SECRET_PARAM.sub(rf"\g<1>{MASK}", text)
    return _AUTH_HEADER.sub(rf"\g<1> {MASK}", text)


class TokenRedactor(logging.Filter):
    """Rewrites a record whose rendered message holds a secret; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


def install_log_redaction() -> None:
    """Attach the filter to the HTTP libraries' loggers, once (safe to call again).

    Filters on a logger only see records logged to that very logger, hence the list of names.
    """
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, TokenRedactor) for f in logger.filters):
            logger.addFilter(TokenRedactor())
