"""Keep the long-poll key out of logs.

The Bots Long Poll request carries its key in the query string (`?act=a_check&key=…`), and
httpx logs every request URL at INFO level. The key reads the community's event stream, so it
is masked before a record reaches any handler. (The access token never is in a URL.)
"""

import logging
import re

KEY_PARAM = re.compile(r"([?&]key=)[^&#\s\"']+")
MASK = "***"
LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy")


def redact(text: str) -> str:
    return KEY_PARAM.sub(rf"\g<1>{MASK}", text)


class LongPollKeyRedactor(logging.Filter):
    """Rewrites a record whose message holds a `key=` query parameter; drops nothing."""

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
    """Attach the filter to the HTTP libraries' loggers, once (safe to call again)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, LongPollKeyRedactor) for f in logger.filters):
            logger.addFilter(LongPollKeyRedactor())
