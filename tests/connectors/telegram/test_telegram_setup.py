"""Signing a bot in: token check, webhook refusal, finding the discussion groups."""

import asyncio

import pytest

from moderator_app.connectors.base import PlatformSetup, SignInResult, WatchTarget
from moderator_app.connectors.errors import AuthExpired, ConnectorError, PermanentError
from moderator_app.connectors.http import make_client
from moderator_app.connectors.telegram import TelegramSetup
from moderator_app.connectors.telegram.api import DEFAULT_API_BASE
from moderator_app.connectors.telegram.discovery import parse_chat_refs
from moderator_app.domain import Platform
from tests.connectors.telegram.session import Tg


def sign_in(tg: Tg, token: str | None = None, chats: str = "") -> SignInResult:
    async def main() -> SignInResult:
        async with make_client(timeout=5) as client:
            setup = TelegramSetup(api_base=tg.fake.url)
            return await setup.sign_in(client, {"token": token or tg.token, "chats": chats})

    return asyncio.run(main())


def sign_in_fails(tg: Tg, expected: type[ConnectorError], **values: str) -> str:
    with pytest.raises(expected) as caught:
        sign_in(tg, **values)
    message = str(caught.value)
    assert tg.token.partition(":")[2] not in message
    return message


def test_fields_ask_for_a_secret_token_and_optional_groups() -> None:
    setup: PlatformSetup = TelegramSetup()  # mypy checks the protocol
    assert setup.platform is Platform.TELEGRAM
    token, chats = setup.fields
    assert (token.name, token.secret, token.required) == ("token", True, True)
    assert (chats.name, chats.secret, chats.required) == ("chats", False, False)


def test_finds_the_discussion_group_from_pending_updates_without_confirming_them(tg: Tg) -> None:
    tg.post_with_comment()
    result = sign_in(tg)
    assert result.account_name == "@moderator_test_bot"
    assert result.url == "https://t.me/moderator_test_bot"
    assert result.credentials.token == tg.token
    assert tg.token not in repr(result)
    assert list(result.targets) == [WatchTarget(str(tg.group_id), "Обсуждение", "discussion_group")]
    assert result.settings == {"chat_ids": [tg.group_id], "api_base": tg.fake.url}
    # Peeking confirmed nothing: the first real fetch still gets the comment.
    assert [c.text for c in tg.fetch().comments] == ["первый!"]
    [peek] = tg.fake.calls_to("getUpdates")[:1]
    assert "offset" not in peek.params


def test_groups_where_the_bot_is_no_admin_are_left_out(tg: Tg) -> None:
    other = tg.world.add_chat("supergroup", "Бот там просто участник")
    tg.world.set_member(other, tg.token, status="member")
    tg.world.comment(other, tg.user, "/start")  # a member bot sees only commands
    tg.post_with_comment()
    result = sign_in(tg)
    assert [t.id for t in result.targets] == [str(tg.group_id)]


def test_named_groups_by_username_channel_link_or_id(tg: Tg) -> None:
    public = tg.world.add_chat("supergroup", "Публичная группа", username="public_chat")
    tg.world.set_member(public, tg.token)
    internal = -tg.group_id - 10**12
    result = sign_in(tg, chats=f"@public_chat, https://t.me/news_channel t.me/c/{internal}/5")
    assert [t.id for t in result.targets] == [str(public), str(tg.group_id)]
    assert [t.kind for t in result.targets] == ["group", "discussion_group"]
    assert tg.fake.calls_to("getUpdates") == []  # named groups need no peeking


def test_a_named_group_that_does_not_work_is_explained(tg: Tg) -> None:
    stranger = tg.world.add_chat("supergroup", "Чужая", username="strangers")
    message = sign_in_fails(tg, PermanentError, chats="@strangers, @nobody_here")
    assert "Чужая: the bot is not an admin there" in message
    assert "@nobody_here: Bad Request: chat not found" in message
    assert stranger


def test_no_group_found_tells_what_to_do(tg: Tg) -> None:
    message = sign_in_fails(tg, PermanentError)
    assert "@moderator_test_bot" in message
    assert "admin" in message
    assert "Discussion groups" in message


def test_a_token_of_the_wrong_shape_is_refused_without_calling(tg: Tg) -> None:
    message = sign_in_fails(tg, PermanentError, token="https://t.me/moderator_test_bot")
    assert "@BotFather" in message
    assert tg.fake.calls == []


def test_a_wrong_token_asks_to_copy_it_again(tg: Tg) -> None:
    wrong = "6000000001:AAFnotthetokenyougotnotthetoken00"
    message = sign_in_fails(tg, AuthExpired, token=wrong)
    assert "@BotFather" in message
    assert "notthetoken" not in message


def test_a_bot_with_a_webhook_is_not_taken_over(tg: Tg) -> None:
    # Webhook paths often carry the token (it is the classic way to make them unguessable).
    tg.world.bot(tg.token).webhook_url = f"https://shop.example/{tg.token}/hook"
    tg.post_with_comment()
    message = sign_in_fails(tg, PermanentError)
    assert "webhook (shop.example)" in message
    assert "separate bot" in message
    assert tg.fake.calls_to("deleteWebhook") == []
    assert tg.world.bot(tg.token).webhook_url  # untouched


def test_default_address_is_not_stored(tg: Tg) -> None:
    assert TelegramSetup()._api_base == DEFAULT_API_BASE


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("", []),
        ("@my_group", ["@my_group"]),
        ("my_group", ["@my_group"]),
        ("https://t.me/my_group/15", ["@my_group"]),
        ("t.me/c/1234567890/77", [-1001234567890]),
        ("-1001234567890; @a_group, @a_group", [-1001234567890, "@a_group"]),
    ],
)
def test_chat_references(text: str, refs: list[int | str]) -> None:
    assert parse_chat_refs(text) == refs


def test_nonsense_chat_reference_is_refused() -> None:
    with pytest.raises(PermanentError):
        parse_chat_refs("http://example.com/x")
