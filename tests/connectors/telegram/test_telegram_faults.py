"""Every way the Bot API fails, and what the connector makes of it: typed errors, nothing lost,
nothing sent twice, and the bot token in no message, chain, repr or log line."""

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from moderator_app.connectors.base import FetchResult
from moderator_app.connectors.errors import (
    AuthExpired,
    ConnectorError,
    PermanentError,
    RateLimited,
    TransientError,
)
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.telegram import TelegramConnector
from moderator_app.connectors.telegram.api import SendOutcomeUnknown
from moderator_app.domain import RemoteComment
from tests.connectors.telegram.session import Tg


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def assert_no_token(error: BaseException, token: str) -> None:
    secret = token.partition(":")[2]
    for link in _chain(error):
        for text in (str(link), repr(link), repr(link.args)):
            assert secret not in text, f"the token leaked through {type(link).__name__}"


def _wait_until(condition: Callable[[], bool], timeout_s: float = 3.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def _fetch_fails(tg: Tg, expected: type[ConnectorError], **overrides: object) -> ConnectorError:
    with pytest.raises(expected) as caught:
        tg.fetch(None, **overrides)
    assert_no_token(caught.value, tg.token)
    return caught.value


async def _first(connector: TelegramConnector) -> RemoteComment:
    return (await connector.fetch_new(None)).comments[0]


def _reply_fails(tg: Tg, expected: type[ConnectorError], timeout: float = 5.0) -> ConnectorError:
    async def scenario(connector: TelegramConnector) -> None:
        comment = await _first(connector)
        await connector.reply(comment, "Спасибо за отзыв", "key")

    with pytest.raises(expected) as caught:
        tg.run(scenario, timeout=timeout)
    assert_no_token(caught.value, tg.token)
    return caught.value


def test_rate_limit_on_fetch_carries_retry_after_and_loses_nothing(tg: Tg) -> None:
    tg.post_with_comment()
    tg.fake.fail("getUpdates", "429", retry_after=7)
    error = _fetch_fails(tg, RateLimited)
    assert isinstance(error, RateLimited)
    assert error.retry_after == 7
    assert "Too Many Requests: retry after 7" in str(error)
    assert [c.text for c in tg.fetch().comments] == ["первый!"]


def test_rate_limited_send_pauses_that_group_without_calling_again(tg: Tg) -> None:
    tg.post_with_comment()
    tg.fake.fail("sendMessage", "429", retry_after=30)

    async def scenario(connector: TelegramConnector) -> list[ConnectorError]:
        comment = await _first(connector)
        errors: list[ConnectorError] = []
        for key in ("a", "b"):
            try:
                await connector.reply(comment, "ответ", key)
            except ConnectorError as exc:
                errors.append(exc)
        return errors

    first, second = tg.run(scenario)
    assert isinstance(first, RateLimited)
    assert first.retry_after == 30
    assert isinstance(second, RateLimited)
    assert 28 < second.retry_after <= 30
    assert len(tg.fake.calls_to("sendMessage")) == 1
    assert tg.world.sent == []


def test_telegram_flood_control_of_20_messages_a_minute_per_group(tg: Tg) -> None:
    tg.world.flood_per_minute = 2
    tg.post_with_comment()

    async def scenario(connector: TelegramConnector) -> ConnectorError:
        comment = await _first(connector)
        await connector.reply(comment, "1", "k1")
        await connector.reply(comment, "2", "k2")
        with pytest.raises(RateLimited) as caught:
            await connector.reply(comment, "3", "k3")
        return caught.value

    error = tg.run(scenario)
    assert isinstance(error, RateLimited)
    assert 50 <= error.retry_after <= 60
    assert [m["text"] for m in tg.world.sent] == ["1", "2"]


@pytest.mark.parametrize(("fault", "expected"), [("500", "HTTP 500"), ("502", "HTTP 502")])
def test_server_errors_on_fetch_are_transient(tg: Tg, fault: str, expected: str) -> None:
    tg.post_with_comment()
    tg.fake.fail("getUpdates", fault)
    error = _fetch_fails(tg, TransientError)
    assert expected in str(error)
    assert "<html" not in str(error)
    assert len(tg.fetch().comments) == 1


@pytest.mark.parametrize(
    ("fault", "expected"),
    [("malformed", "not a Bot API envelope"), ("not_envelope", "no 'ok' flag")],
)
def test_garbled_answers_do_not_move_the_cursor(tg: Tg, fault: str, expected: str) -> None:
    tg.post_with_comment()
    cursor = tg.fetch().cursor
    tg.world.comment(tg.group_id, tg.user, "второй")
    tg.fake.fail("getUpdates", fault)
    with pytest.raises(MalformedPayload) as caught:
        tg.fetch(cursor)
    assert expected in str(caught.value)
    assert [c.text for c in tg.fetch(cursor).comments] == ["второй"]  # same cursor, retried


def test_a_malformed_update_rejects_the_whole_page(tg: Tg) -> None:
    tg.post_with_comment()
    tg.world.bot(tg.token).queue[-1].message["date"] = "yesterday"
    with pytest.raises(MalformedPayload) as caught:
        tg.fetch()
    assert "'date'" in str(caught.value)
    assert "getUpdates[1].message" in str(caught.value)
    tg.fake.answers.clear()  # the garbled answer is deliberate: keep it out of the spec check


def test_a_fetch_timeout_is_transient_and_loses_nothing(tg: Tg) -> None:
    tg.post_with_comment()
    tg.fake.fail("getUpdates", "slow", delay_s=0.6)
    error = _fetch_fails(tg, TransientError, timeout=0.3)
    assert "timed out" in str(error)
    assert [c.text for c in tg.fetch().comments] == ["первый!"]


def test_refused_connection_is_transient(tg: Tg) -> None:
    error = _fetch_fails(tg, TransientError, api_base="http://127.0.0.1:9")
    assert "could not connect" in str(error)


@pytest.mark.parametrize("fault", ["drop", "slow", "500", "malformed"])
def test_a_reply_with_an_unknown_outcome_is_not_retried(tg: Tg, fault: str) -> None:
    tg.post_with_comment()
    tg.fake.fail("sendMessage", fault, delay_s=0.6)
    error = _reply_fails(tg, SendOutcomeUnknown, timeout=0.3)
    assert isinstance(error, PermanentError)  # the outbox marks it failed, never resends
    assert "check the chat before retrying" in str(error)
    carried_out = fault in ("drop", "slow")
    if carried_out:
        _wait_until(lambda: len(tg.world.sent) == 1)  # "slow" answers after we gave up
    assert len(tg.world.sent) == (1 if carried_out else 0)


def test_a_reply_that_never_left_is_safe_to_retry(tg: Tg) -> None:
    tg.post_with_comment()

    async def scenario(connector: TelegramConnector) -> ConnectorError:
        comment = await _first(connector)
        dead = tg.connector(connector._api._client, api_base="http://127.0.0.1:9")
        with pytest.raises(TransientError) as caught:
            await dead.reply(comment, "ответ", "key")
        return caught.value

    error = tg.run(scenario)
    assert not isinstance(error, PermanentError)
    assert "could not connect" in str(error)


def test_a_lost_answer_to_a_delete_is_retried_safely(tg: Tg) -> None:
    _, comment_id = tg.post_with_comment()
    tg.fake.fail("deleteMessage", "drop")

    async def scenario(connector: TelegramConnector) -> None:
        comment = await _first(connector)
        with pytest.raises(TransientError):
            await connector.delete(comment, "del")
        await connector.delete(comment, "del")  # the outbox's retry: already gone, so done

    tg.run(scenario)
    assert tg.world.deleted == [(tg.group_id, comment_id)]


def test_a_revoked_token_is_auth_expired(tg: Tg) -> None:
    tg.post_with_comment()

    async def scenario(connector: TelegramConnector) -> ConnectorError:
        comment = await _first(connector)
        tg.world.revoke(tg.token)
        with pytest.raises(AuthExpired) as caught:
            await connector.reply(comment, "ответ", "k")
        with pytest.raises(AuthExpired):
            await connector.fetch_new(None)
        return caught.value

    error = tg.run(scenario)
    assert "401" in str(error)
    assert "sign in again" in str(error)
    assert_no_token(error, tg.token)


def test_an_unknown_token_is_auth_expired(tg: Tg) -> None:
    error = _fetch_fails(tg, AuthExpired, token="6000000001:AAFwrongwrongwrongwrongwrongwrong")
    assert "wrongwrong" not in str(error)


def test_a_malformed_stored_token_is_auth_expired(tg: Tg) -> None:
    with pytest.raises(AuthExpired):
        tg.fetch(token="not-a-token")


def test_a_webhook_blocks_polling_with_a_clear_message(tg: Tg) -> None:
    tg.world.bot(tg.token).webhook_url = "https://shop.example/hook"
    error = _fetch_fails(tg, PermanentError)
    assert "webhook" in str(error)
    assert "deleteWebhook" in str(error)
    assert "own bot" in str(error)
    assert tg.fake.calls_to("deleteWebhook") == []


def test_another_reader_of_the_same_bot_is_named(tg: Tg) -> None:
    """Telegram ends the older of two concurrent getUpdates with 409."""

    def other_program() -> None:
        with httpx.Client() as client:
            client.post(f"{tg.fake.url}/bot{tg.token}/getUpdates", json={"timeout": 0})

    timer = threading.Timer(0.3, other_program)
    timer.start()
    error = _fetch_fails(tg, PermanentError, long_poll_s=3)
    timer.join()
    assert "409" in str(error)
    assert "another program" in str(error)


def test_unknown_method_or_bad_address_is_permanent(tg: Tg) -> None:
    error = _fetch_fails(tg, PermanentError, api_base=tg.fake.url + "/nowhere")
    assert "404" in str(error)


def test_corrupt_or_foreign_cursors_start_from_the_unconfirmed_updates(tg: Tg) -> None:
    tg.post_with_comment()
    for cursor in ("not json", '{"v":1,"bot":42,"offset":999999999}', '{"v":1,"bot":"x"}'):
        assert [c.text for c in tg.fetch(cursor).comments] == ["первый!"]


def test_the_token_never_reaches_the_logs(tg: Tg, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    tg.post_with_comment()
    tg.fake.fail("getUpdates", "500")

    async def scenario(connector: TelegramConnector) -> FetchResult:
        with pytest.raises(TransientError):
            await connector.fetch_new(None)
        result = await connector.fetch_new(None)
        await connector.reply(result.comments[0], "ответ", "k")
        await connector.delete(result.comments[0], "d")
        return result

    tg.run(scenario)
    secret = tg.token.partition(":")[2]
    assert "HTTP Request: POST" in caplog.text  # httpx did log the URLs ...
    assert "/bot***/getUpdates" in caplog.text  # ... with the token masked
    assert secret not in caplog.text
    for record in caplog.records:
        assert secret not in record.getMessage()


def test_errors_hold_no_httpx_exception(tg: Tg) -> None:
    """httpx exceptions carry the request URL; none may sit in a chain."""
    tg.fake.fail("getUpdates", "slow", delay_s=0.6)
    error = _fetch_fails(tg, TransientError, timeout=0.3)
    assert not any(isinstance(link, httpx.HTTPError) for link in _chain(error))
    assert error.__context__ is None
    assert error.__cause__ is None


def test_concurrent_fetch_and_reply_share_one_connector(tg: Tg) -> None:
    tg.post_with_comment()

    async def scenario(connector: TelegramConnector) -> None:
        comment = await _first(connector)
        results = await asyncio.gather(
            connector.fetch_new(None), connector.reply(comment, "ответ", "k")
        )
        assert isinstance(results[1], RemoteComment)

    tg.run(scenario)
    assert len(tg.world.sent) == 1
