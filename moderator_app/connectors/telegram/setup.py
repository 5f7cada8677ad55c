"""Connecting a Telegram account: a bot token from @BotFather, checked against Telegram.

The bot must be an admin of the channel's discussion group (with the right to delete
messages). `sign_in` checks the token (getMe), refuses a bot whose updates go to a webhook
(another program owns it: Moderator does not silently take it over with deleteWebhook), and
finds the groups to watch (see `discovery`).
"""

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import httpx

from moderator_app.connectors.base import (
    Credentials,
    SetupField,
    SignInResult,
    WatchTarget,
)
from moderator_app.connectors.errors import AuthExpired, PermanentError
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.redact import install_log_redaction
from moderator_app.connectors.telegram.api import DEFAULT_API_BASE, BotApi
from moderator_app.connectors.telegram.discovery import (
    check_group,
    parse_chat_refs,
    pending_chat_ids,
)
from moderator_app.domain import Platform

TOKEN_SHAPE = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{20,}")
NO_GROUPS = (
    "telegram: found no discussion group where @{bot} is an admin. Add the bot to your "
    "channel's discussion group as an admin with the right to delete messages, write a "
    "message there, and sign in again, or name the group (@username or id) in the field "
    "'Discussion groups'"
)
WEBHOOK = (
    "telegram: @{bot} delivers its updates to a webhook ({host}), so another program is using "
    "it. Create a separate bot for Moderator with @BotFather, or remove the webhook "
    "(deleteWebhook) if nothing needs it any more"
)


class TelegramSetup:
    """Asks for the bot token and, optionally, the groups to watch."""

    platform: Platform = Platform.TELEGRAM
    fields: Sequence[SetupField] = (
        SetupField("token", "Bot token", secret=True, placeholder="123456789:AAE…"),
        SetupField(
            "chats",
            "Discussion groups",
            placeholder="@my_channel_chat, -1001234567890 (optional: found automatically)",
            required=False,
        ),
    )

    def __init__(self, api_base: str = DEFAULT_API_BASE) -> None:
        self._api_base = api_base.rstrip("/")

    async def sign_in(self, client: httpx.AsyncClient, values: dict[str, str]) -> SignInResult:
        install_log_redaction()
        token = values.get("token", "").strip()
        if not TOKEN_SHAPE.fullmatch(token):
            raise PermanentError(
                "telegram: this is not a bot token. Create a bot with @BotFather and paste the "
                "token it gives you (it looks like 123456789:AAE…)"
            )
        credentials = Credentials(token=token)
        api = BotApi(client, credentials, api_base=self._api_base)
        bot_id, username = await _check_token(api)
        webhook = await api.call("getWebhookInfo", what="checking the bot's webhook")
        url = webhook.get("url") if isinstance(webhook, dict) else None
        if not isinstance(url, str):
            raise MalformedPayload("telegram: getWebhookInfo: expected an object with 'url'")
        if url:
            # Only the host: webhook paths often contain the bot token.
            host = urlsplit(url).hostname or "another server"
            raise PermanentError(WEBHOOK.format(bot=username, host=host))
        targets = await _targets(api, bot_id, values.get("chats", ""))
        if not targets:
            raise PermanentError(NO_GROUPS.format(bot=username))
        settings: dict[str, object] = {"chat_ids": [int(t.id) for t in targets]}
        if self._api_base != DEFAULT_API_BASE:
            settings["api_base"] = self._api_base
        return SignInResult(
            credentials=credentials,
            account_name=f"@{username}",
            url=f"https://t.me/{username}",
            settings=settings,
            targets=targets,
        )


async def _check_token(api: BotApi) -> tuple[int, str]:
    try:
        me = await api.call("getMe", what="checking the bot token")
    except AuthExpired:
        raise AuthExpired(
            "telegram: Telegram does not accept this bot token. Copy it again from @BotFather "
            "(/mybots → your bot → API Token)"
        ) from None
    bot_id = me.get("id") if isinstance(me, dict) else None
    username = me.get("username") if isinstance(me, dict) else None
    if not isinstance(bot_id, int) or not isinstance(username, str):
        raise MalformedPayload("telegram: getMe: expected a user with 'id' and 'username'")
    if me.get("is_bot") is not True:
        raise PermanentError("telegram: this token does not belong to a bot")
    return bot_id, username


async def _targets(api: BotApi, bot_id: int, named: str) -> list[WatchTarget]:
    """The named groups (each must pass), or else the groups found in pending updates."""
    refs = parse_chat_refs(named)
    targets: dict[str, WatchTarget] = {}
    if refs:
        problems: list[str] = []
        for ref in refs:
            check = await check_group(api, ref, bot_id)
            if check.target is None:
                problems.append(check.problem)
            else:
                targets.setdefault(check.target.id, check.target)
        if problems:
            raise PermanentError("telegram: " + "; ".join(problems))
        return list(targets.values())
    for chat_id in await pending_chat_ids(api):
        check = await check_group(api, chat_id, bot_id)
        if check.target is not None:
            targets.setdefault(check.target.id, check.target)
    return list(targets.values())
