"""The Telegram connector's small parts on their own: error mapping of the Bot API envelope,
the cursor, the thread memory, links, placeholders, settings and log redaction."""

import asyncio
import json
import logging
from typing import Any

import httpx
import pytest

from moderator_app.connectors.base import Credentials
from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
)
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.redact import TokenRedactor, redact
from moderator_app.connectors.telegram import cursor as cursor_codec
from moderator_app.connectors.telegram.api import BotApi, BotApiError, SendOutcomeUnknown
from moderator_app.connectors.telegram.content import message_text
from moderator_app.connectors.telegram.links import internal_id, message_link
from moderator_app.connectors.telegram.settings import TelegramSettings, bot_id_from_token
from moderator_app.connectors.telegram.threads import (
    MAX_TEXT,
    MAX_THREADS,
    ThreadInfo,
    ThreadMemory,
    post_title,
)
from moderator_app.domain import ThreadRef

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def call(response: httpx.Response, *, once: bool = False) -> Any:
    async def main() -> Any:
        transport = httpx.MockTransport(lambda request: response)
        async with httpx.AsyncClient(transport=transport) as client:
            api = BotApi(client, Credentials(TOKEN), min_interval_s=0)
            return await api.call("getUpdates", {}, what="fetching updates", once=once)

    return asyncio.run(main())


def fails(response: httpx.Response, expected: type[ConnectorError], *, once: bool = False) -> str:
    with pytest.raises(expected) as caught:
        call(response, once=once)
    assert TOKEN.partition(":")[2] not in str(caught.value)
    return str(caught.value)


def envelope(code: int, description: str, **parameters: int) -> httpx.Response:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return httpx.Response(code, json=body)


def test_a_result_comes_out_of_its_envelope() -> None:
    assert call(httpx.Response(200, json={"ok": True, "result": [1, 2]})) == [1, 2]
    assert call(httpx.Response(200, json={"ok": True, "result": False})) is False


def test_retry_after_comes_from_the_parameters_or_the_header() -> None:
    with pytest.raises(RateLimited) as caught:
        call(envelope(429, "Too Many Requests: retry after 35", retry_after=35))
    assert caught.value.retry_after == 35
    with pytest.raises(RateLimited) as caught:
        call(httpx.Response(429, headers={"Retry-After": "12"}, text="slow down"))
    assert caught.value.retry_after == 12


@pytest.mark.parametrize(
    ("response", "expected", "text"),
    [
        (envelope(401, "Unauthorized"), AuthExpired, "sign in again"),
        (httpx.Response(401, text="<html>401</html>"), AuthExpired, "HTTP 401"),
        (
            envelope(403, "Forbidden: bot was kicked from the supergroup chat"),
            BotApiError,
            "kicked",
        ),
        (envelope(400, "Bad Request: chat not found"), BotApiError, "chat not found"),
        (envelope(404, "Not Found"), BotApiError, "check the bot token"),
        (envelope(500, "Internal Server Error"), TransientError, "HTTP 500"),
        (httpx.Response(502, text="<html>Bad Gateway</html>"), TransientError, "HTTP 502"),
        (httpx.Response(200, text="<html>captive portal</html>"), MalformedPayload, "not JSON"),
        (httpx.Response(200, json={"ok": True}), MalformedPayload, "no 'result'"),
        (httpx.Response(200, json=[1, 2]), MalformedPayload, "not JSON"),
        (httpx.Response(418, text="teapot"), PermanentError, "HTTP 418"),
    ],
)
def test_failures_map_to_typed_errors(
    response: httpx.Response, expected: type[ConnectorError], text: str
) -> None:
    assert text in fails(response, expected)


def test_conflicts_say_what_to_do() -> None:
    webhook = envelope(
        409,
        "Conflict: can't use getUpdates method while webhook is active; "
        "use deleteWebhook to delete the webhook first",
    )
    assert "deleteWebhook" in fails(webhook, BotApiError)
    other = envelope(409, "Conflict: terminated by other long poll or webhook")
    assert "another program" in fails(other, BotApiError)


def test_an_echoed_token_is_masked() -> None:
    message = fails(envelope(400, f"Bad Request: bad token {TOKEN} in request"), BotApiError)
    assert "bad token *** in request" in message


@pytest.mark.parametrize(
    "response",
    [
        envelope(500, "Internal Server Error"),
        httpx.Response(502, text="<html>Bad Gateway</html>"),
        httpx.Response(200, text='{"ok":true,"result":{"message_id":'),
        httpx.Response(200, json={"ok": True}),
    ],
)
def test_for_a_send_every_unclear_answer_is_an_unknown_outcome(response: httpx.Response) -> None:
    assert "check the chat" in fails(response, SendOutcomeUnknown, once=True)


def test_for_a_send_clear_refusals_stay_what_they_are() -> None:
    fails(envelope(429, "Too Many Requests: retry after 3", retry_after=3), RateLimited, once=True)
    fails(envelope(401, "Unauthorized"), AuthExpired, once=True)
    fails(envelope(400, "Bad Request: message text is empty"), BotApiError, once=True)


def test_network_failures_keep_no_trace_of_the_url() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out reading " + str(request.url), request=request)

    async def main() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(broken)) as client:
            api = BotApi(client, Credentials(TOKEN), min_interval_s=0)
            with pytest.raises(TransientError) as caught:
                await api.call("getUpdates", {}, what="fetching updates")
            assert caught.value.__context__ is None
            assert TOKEN not in str(caught.value)
            with pytest.raises(SendOutcomeUnknown):
                await api.call("sendMessage", {}, what="replying", once=True)
            assert TOKEN not in repr(api)

    asyncio.run(main())


def test_cursor_round_trip() -> None:
    threads = ThreadMemory()
    threads.remember("-100:5", ThreadInfo("Канал: пост", "https://t.me/c/1/5", "Текст поста"))
    state = cursor_codec.CursorState(42, 1001, threads, draining=True)
    encoded = cursor_codec.encode(state)
    assert "Текст поста" in encoded  # readable, not \\u-escaped
    decoded = cursor_codec.decode(encoded, 42)
    assert (decoded.offset, decoded.draining) == (1001, True)
    assert decoded.threads.ref("-100:5") == ThreadRef(
        "-100:5", "Канал: пост", "https://t.me/c/1/5", "Текст поста"
    )
    fresh = cursor_codec.decode(cursor_codec.encode(cursor_codec.CursorState(42)), 42)
    assert (fresh.offset, fresh.draining, fresh.threads.items()) == (None, False, {})


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "17",
        json.dumps({"v": 2, "bot": 42, "offset": 5}),
        json.dumps({"v": 1, "bot": 7, "offset": 5}),
        json.dumps({"v": 1, "bot": 42, "offset": "5"}),
        json.dumps({"v": 1, "bot": 42, "offset": 5, "threads": {"k": [1, 2, 3]}}),
    ],
)
def test_unusable_cursors_start_afresh(cursor: str) -> None:
    state = cursor_codec.decode(cursor, 42)
    assert (state.bot_id, state.offset, state.threads.items()) == (42, None, {})


def test_thread_memory_is_bounded() -> None:
    threads = ThreadMemory()
    for n in range(MAX_THREADS + 5):
        threads.remember(f"t{n}", ThreadInfo("title", "", "x" * (MAX_TEXT + 50)))
    threads.ref("t5")  # recently used: kept
    threads.remember("new", ThreadInfo())
    kept = threads.items()
    assert len(kept) == MAX_THREADS
    assert "t5" in kept
    assert "t6" not in kept
    assert len(kept["t7"].text) == MAX_TEXT
    assert kept["t7"].text.endswith("…")
    assert threads.ref("gone") == ThreadRef("gone")


def test_post_titles() -> None:
    assert post_title("Канал", "\n  Заголовок  \nтело") == "Канал: Заголовок"
    assert post_title("Канал", "") == "Канал"
    assert post_title("", "") == "Channel post"
    assert len(post_title("К" * 80, "слово " * 40)) == 100


def test_links() -> None:
    assert internal_id(-1001234567890) == 1234567890
    assert internal_id(-4123456) is None  # a basic group has no t.me/c link
    assert message_link(-1001234567890, "", 7, 3) == "https://t.me/c/1234567890/7?thread=3"
    assert message_link(-1001234567890, "grp", 7, 3) == "https://t.me/grp/7?thread=3"
    assert message_link(-1001234567890, "grp", 7, 7) == "https://t.me/grp/7"
    assert message_link(-4123456, "", 7) == ""


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ({"text": "привет"}, "привет"),
        ({"caption": "подпись", "photo": []}, "подпись"),
        ({"photo": []}, "[photo]"),
        ({"sticker": {"emoji": "🤬"}}, "[sticker 🤬]"),
        ({"poll": {"question": "Кто прав?"}}, "[poll] Кто прав?"),
        ({"document": {"file_name": "прайс.pdf"}}, "[file прайс.pdf]"),
        ({"voice": {}}, "[voice message]"),
        ({"new_chat_members": [{}]}, None),
        ({"pinned_message": {}}, None),
    ],
)
def test_message_texts_and_placeholders(message: dict[str, Any], text: str | None) -> None:
    assert message_text(message) == text


def test_settings() -> None:
    settings = TelegramSettings.from_mapping({"chat_ids": [-100123, "-100456"], "long_poll_s": 60})
    assert settings.chat_ids == {-100123, -100456}
    assert settings.long_poll_s == 10
    assert settings.api_base == "https://api.telegram.org"
    bad: dict[str, Any]
    for bad in (
        {},
        {"chat_ids": []},
        {"chat_ids": ["@name"]},
        {"chat_ids": [1], "long_poll_s": "5"},
    ):
        with pytest.raises(PermanentError):
            TelegramSettings.from_mapping(bad)
    assert bot_id_from_token(TOKEN) == 123456789
    with pytest.raises(AuthExpired):
        bot_id_from_token("abc:def")


def test_redaction_masks_tokens_in_any_log_record() -> None:
    url = f"https://api.telegram.org/bot{TOKEN}/getUpdates"
    assert redact(url) == "https://api.telegram.org/bot***/getUpdates"
    assert redact("at 12:30:45 nothing to hide") == "at 12:30:45 nothing to hide"
    record = logging.LogRecord(
        "httpx", logging.INFO, "x", 1, "HTTP Request: %s %s", ("POST", url), None
    )
    assert TokenRedactor().filter(record)
    assert TOKEN not in record.getMessage()
    assert "bot***/getUpdates" in record.getMessage()
