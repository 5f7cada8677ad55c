"""The Telegram connector: comments under channel posts, read from the discussion groups.

A bot that is an admin of a channel's discussion group sees every message there through
getUpdates. Telegram keeps unconfirmed updates for 24 hours, and an update is confirmed by
the next getUpdates with a higher offset, so the offset in our cursor moves only past what
the same FetchResult returns. Updates go to one reader only: an account's bot must not be
polled by anything else (another program, another Moderator installation).

Settings: see `settings.py` (`chat_ids`, optional `api_base`, `long_poll_s`).
"""

import logging
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from moderator_app.connectors.base import Credentials, CredentialsChanged, FetchResult
from moderator_app.connectors.errors import NotSupported, PermanentError, RateLimited
from moderator_app.connectors.http import MalformedPayload
from moderator_app.connectors.redact import install_log_redaction
from moderator_app.connectors.telegram import cursor as cursor_codec
from moderator_app.connectors.telegram.api import BotApi, BotApiError, SendOutcomeUnknown
from moderator_app.connectors.telegram.payload import parse_update_page, read_sent_message
from moderator_app.connectors.telegram.sending import GROUP_SEND_INTERVAL_S, SendGate
from moderator_app.connectors.telegram.settings import TelegramSettings, bot_id_from_token
from moderator_app.domain import Account, Capability, Platform, RemoteComment

log = logging.getLogger(__name__)

PAGE_LIMIT = 100
ALLOWED_UPDATES = ("message", "edited_message")
POLL_MARGIN_S = 10.0  # a long poll's HTTP read timeout is its wait plus this
DELETE_WINDOW = timedelta(hours=48)
DELETE_MARGIN = timedelta(minutes=2)  # clocks differ; don't call when Telegram will refuse
SENT_MEMORY = 256


@dataclass(frozen=True, slots=True)
class Pacing:
    """Request spacing: ~30 requests/s per bot overall, 20 messages/min per group."""

    request_interval_s: float = 1 / 30
    group_send_interval_s: float = GROUP_SEND_INTERVAL_S


class TelegramConnector:
    """Fetches comments, replies to them and deletes them; Telegram has no hiding."""

    platform: Platform = Platform.TELEGRAM
    capabilities: frozenset[Capability] = frozenset({Capability.REPLY, Capability.DELETE})

    def __init__(
        self,
        account: Account,
        credentials: Credentials,
        client: httpx.AsyncClient,
        on_credentials: CredentialsChanged | None = None,
        *,
        pacing: Pacing | None = None,
    ) -> None:
        pacing = pacing or Pacing()
        install_log_redaction()
        self._settings = TelegramSettings.from_mapping(account.settings)
        self._bot_id = bot_id_from_token(credentials.token)
        self._api = BotApi(
            client,
            credentials,
            api_base=self._settings.api_base,
            min_interval_s=pacing.request_interval_s,
        )
        self._gate = SendGate(pacing.group_send_interval_s)
        self._sent: OrderedDict[str, RemoteComment] = OrderedDict()

    def __repr__(self) -> str:
        return f"TelegramConnector(bot={self._bot_id}, chats={sorted(self._settings.chat_ids)})"

    async def fetch_new(self, cursor: str | None) -> FetchResult:
        """One getUpdates call: the comments in it and the offset just past it."""
        state = cursor_codec.decode(cursor, self._bot_id)
        wait_s = 0 if state.draining else self._settings.long_poll_s
        params: dict[str, object] = {
            "limit": PAGE_LIMIT,
            "timeout": wait_s,
            "allowed_updates": list(ALLOWED_UPDATES),
        }
        if state.offset is not None:
            params["offset"] = state.offset
        data = await self._api.call(
            "getUpdates",
            params,
            what="fetching updates",
            read_timeout_s=wait_s + POLL_MARGIN_S if wait_s else None,
        )
        page = parse_update_page(
            data,
            watched=self._settings.chat_ids,
            bot_id=self._bot_id,
            threads=state.threads,
            where="telegram: getUpdates",
        )
        if page.last_update_id is not None:
            # Taken as is, even below the old offset: after a week without updates Telegram
            # restarts the ids, and answers an offset "from the future" from its queue head.
            state.offset = page.last_update_id + 1
        state.draining = page.size >= PAGE_LIMIT
        return FetchResult(page.comments, cursor_codec.encode(state), more=state.draining)

    async def reply(self, to: RemoteComment, text: str, idempotency_key: str) -> RemoteComment:
        """sendMessage as a reply in `to`'s thread.

        Telegram has no idempotency key. A retry after a reply went through is answered from
        memory (same key, same connector); a failure that leaves it unknown whether the reply
        went through raises `SendOutcomeUnknown` (permanent) rather than risk a duplicate.
        Residual risk: a crash between Telegram's answer and the outbox recording it.
        """
        known = self._sent.get(idempotency_key)
        if known is not None:
            return known
        chat_id, message_id = _locate(to)
        what = f"replying to comment {to.remote_id}"
        if not text.strip():
            raise PermanentError(f"telegram: {what}: the reply is empty")
        await self._gate.wait(chat_id, f"telegram: {what}")
        try:
            data = await self._api.call(
                "sendMessage",
                {"chat_id": chat_id, "text": text, "reply_parameters": {"message_id": message_id}},
                what=what,
                once=True,
            )
        except RateLimited as limited:
            self._gate.block(chat_id, limited.retry_after)
            raise
        try:
            sent = read_sent_message(data, to, bot_id=self._bot_id, where=f"telegram: {what}")
        except MalformedPayload:
            raise SendOutcomeUnknown(
                f"telegram: {what}: Telegram accepted the reply but its answer could not be "
                "read; it is probably posted, check the chat before retrying"
            ) from None
        self._sent[idempotency_key] = sent
        while len(self._sent) > SENT_MEMORY:
            self._sent.popitem(last=False)
        return sent

    async def delete(self, comment: RemoteComment, idempotency_key: str) -> None:
        """deleteMessage. Deleting what is already gone counts as done, so a retry after a
        lost answer is harmless."""
        chat_id, message_id = _locate(comment)
        what = f"deleting comment {comment.remote_id}"
        age = datetime.now(UTC) - comment.created_at
        if age >= DELETE_WINDOW - DELETE_MARGIN:
            raise PermanentError(
                f"telegram: {what}: Telegram lets bots delete only messages younger than 48 "
                f"hours, and this one is {age.total_seconds() / 3600:.0f} hours old. Delete it "
                "in the Telegram app instead (group admins have no such limit)"
            )
        try:
            result = await self._api.call(
                "deleteMessage", {"chat_id": chat_id, "message_id": message_id}, what=what
            )
        except BotApiError as refused:
            reason = refused.description.lower()
            if "message to delete not found" in reason:
                log.info("telegram: %s: it is already gone", what)
                return
            if "can't be deleted" in reason or "not enough rights" in reason:
                raise PermanentError(
                    f"{refused} (the bot needs the admin right 'Delete messages' in this group, "
                    "and the message must be younger than 48 hours)"
                ) from None
            raise
        if result is not True:
            raise MalformedPayload(f"telegram: {what}: expected true, got {type(result).__name__}")

    async def hide(self, comment: RemoteComment, idempotency_key: str) -> None:
        raise NotSupported("Telegram cannot hide a comment; delete it instead")

    async def unhide(self, comment: RemoteComment, idempotency_key: str) -> None:
        raise NotSupported("Telegram cannot hide or unhide a comment")

    async def report(self, comment: RemoteComment, reason: str, idempotency_key: str) -> None:
        raise NotSupported("Telegram bots cannot report messages to Telegram's moderators")


def _locate(comment: RemoteComment) -> tuple[int, int]:
    """The chat and message id: from `extra`, else from the "chat_id:message_id" remote id."""
    chat_id, message_id = comment.extra.get("chat_id"), comment.extra.get("message_id")
    if isinstance(chat_id, int) and isinstance(message_id, int):
        return chat_id, message_id
    head, _, tail = comment.remote_id.partition(":")
    try:
        return int(head), int(tail)
    except ValueError:
        raise PermanentError(
            f"telegram: {comment.remote_id!r} does not name a Telegram message"
        ) from None
