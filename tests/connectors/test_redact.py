"""Secrets in logged URLs and headers are masked, ordinary text is left alone."""

import logging

import pytest

from moderator_app.connectors.redact import install_log_redaction, redact


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "GET https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe",
            "GET https://api.telegram.org/bot***/getMe",
        ),
        (
            "https://lp.vk.com/wh1?act=a_check&key=abc123def&ts=5",
            "https://lp.vk.com/wh1?act=a_check&key=***&ts=5",
        ),
        ("/token?code=4/0AX4Xf&state=s1", "/token?code=***&state=s1"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x", "Authorization: Bearer ***"),
        ("at 12:30:45 nothing to hide, keyboard=1", "at 12:30:45 nothing to hide, keyboard=1"),
    ],
)
def test_redact(raw: str, clean: str) -> None:
    assert redact(raw) == clean


def test_httpx_log_records_are_masked(caplog: pytest.LogCaptureFixture) -> None:
    install_log_redaction()
    with caplog.at_level(logging.INFO, logger="httpx"):
        logging.getLogger("httpx").info('HTTP Request: GET %s "200 OK"', "https://x/?key=SECRET1")
    assert "SECRET1" not in caplog.text
    assert "key=***" in caplog.text
