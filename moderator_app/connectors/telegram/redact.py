"""Keep bot tokens out of logs.

Telegram puts the token in the URL path (`/bot<token>/getUpdates`) and httpx logs every request
URL at INFO level, so any app that logs at INFO would write the token to disk. This filter masks
anything shaped like a bot token before a record reaches a handler.
"""

import logging
import re

TOKEN_PATTERN = re.compile(r"(?<!\d)\d{3,20}:[A-Za-z0-9_-]{20,}")
MASK = "***"
LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy")


def redact(text: str) -> str:
    return TOKEN_PATTERN.sub(MASK, text)


class TokenRedactor(logging.Filter):
    """Rewrites a record whose rendered message contains a bot token; drops nothing."""

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
    """Attach the filter to the HTTP libraries' loggers (once; safe to call repeatedly).

    Filters on a logger only see records logged to that very logger, hence the list of names.
    """
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, TokenRedactor) for f in logger.filters):
            logger.addFilter(TokenRedactor())
