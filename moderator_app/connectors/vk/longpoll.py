"""Bots Long Poll for one community: `groups.getLongPollServer` gives a server and a key,
`GET {server}?act=a_check&key=…&ts=…&wait=N` the events after `ts` and the next `ts`.

The key lives only in memory (it is a credential); the `ts` is what the cursor keeps, so after
a restart a fresh key reads on from the saved `ts`. `failed: 2` (key expired) is handled here;
`failed: 1` and `failed: 3` mean events may be gone, which the caller answers with a backfill.
"""

import logging
from dataclasses import dataclass

import httpx

from moderator_app.connectors import payload
from moderator_app.connectors.errors import TransientError
from moderator_app.connectors.http import (
    CONNECT_TIMEOUT_S,
    MalformedPayload,
    decode_json,
    raise_for_status,
    send,
)
from moderator_app.connectors.vk.api import API_VERSION, LABEL, Param, VkApi
from moderator_app.connectors.vk.payload import flag
from moderator_app.connectors.vk.updates import WALL_EVENTS

log = logging.getLogger(__name__)

MAX_WAIT_S = 10  # short: one engine round waits for at most this long per account
TIMEOUT_MARGIN_S = 10.0  # the held request's own timeout is wait + this


@dataclass(frozen=True, slots=True)
class Batch:
    ts: str
    updates: list[object]


@dataclass(frozen=True, slots=True)
class HistoryLost:
    """Events between the old `ts` and this one may be gone: `ts` is where to read on."""

    ts: str
    reason: str


@dataclass(frozen=True, slots=True)
class KeyExpired:
    pass


def parse_check(data: object, where: str) -> Batch | HistoryLost | KeyExpired:
    """An `a_check` answer. `failed: 3` gives HistoryLost with an empty ts (a new one must be
    fetched with a new key)."""
    obj = payload.as_object(data, where)
    failed = obj.get("failed")
    if failed is None:
        return Batch(_ts(obj, where), payload.require_list(obj, "updates", where))
    if failed == 1:
        return HistoryLost(_ts(obj, where), "the event history is out of date or partly lost")
    if failed == 2:
        return KeyExpired()
    if failed == 3:
        return HistoryLost("", "the event history was lost")
    raise MalformedPayload(f"{where}: unknown long poll failure")


def _ts(obj: dict[str, object], where: str) -> str:
    value = obj.get("ts")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value:
        return value
    raise MalformedPayload(f"{where}: field 'ts' is missing or not a number")


class LongPoll:
    """One community's stream. Before the first key it makes sure the community's long poll
    is on and sends the wall comment events (an administrator's user token may set that)."""

    def __init__(self, api: VkApi, client: httpx.AsyncClient, group_id: int) -> None:
        self._api = api
        self._client = client
        self.group_id = group_id
        self._server = ""
        self._key = ""
        self._settings_checked = False

    def __repr__(self) -> str:
        return f"LongPoll(group_id={self.group_id})"

    async def connect(self) -> str:
        """A fresh server and key; returns the stream's current `ts`."""
        if not self._settings_checked:
            await self._enable_wall_events()
            self._settings_checked = True
        what = f"starting the long poll of community {self.group_id}"
        data = await self._api.call(
            "groups.getLongPollServer", {"group_id": self.group_id}, what=what
        )
        where = f"{LABEL}: {what}"
        obj = payload.as_object(data, where)
        server = payload.require_str(obj, "server", where)
        key = payload.require_str(obj, "key", where)
        ts = _ts(obj, where)
        if not server or not key:
            raise MalformedPayload(f"{where}: an empty server or key")
        self._server = server if "://" in server else f"https://{server}"
        self._key = key
        return ts

    async def check(self, ts: str, wait: int) -> Batch | HistoryLost:
        """Events after `ts`, waiting up to `wait` seconds (at most MAX_WAIT_S) for some."""
        if not self._key:
            await self.connect()
        answer = await self._a_check(ts, wait)
        if isinstance(answer, KeyExpired):
            self._key = ""
            await self.connect()
            answer = await self._a_check(ts, wait)
            if isinstance(answer, KeyExpired):
                raise TransientError(f"{LABEL}: the long poll key expired right after renewal")
        if isinstance(answer, HistoryLost) and not answer.ts:
            self._key = ""
            return HistoryLost(await self.connect(), answer.reason)
        return answer

    async def _a_check(self, ts: str, wait: int) -> Batch | HistoryLost | KeyExpired:
        what = f"{LABEL}: reading new events of community {self.group_id}"
        wait = max(0, min(wait, MAX_WAIT_S))
        response = await send(
            self._client,
            "GET",
            self._server,
            what=what,
            params={"act": "a_check", "key": self._key, "ts": ts, "wait": wait},
            timeout=httpx.Timeout(wait + TIMEOUT_MARGIN_S, connect=CONNECT_TIMEOUT_S),
        )
        raise_for_status(response, what=what)
        return parse_check(decode_json(response, what=what), what)

    async def _enable_wall_events(self) -> None:
        what = f"reading the long poll settings of community {self.group_id}"
        data = await self._api.call(
            "groups.getLongPollSettings", {"group_id": self.group_id}, what=what
        )
        where = f"{LABEL}: {what}"
        obj = payload.as_object(data, where)
        enabled = flag(obj, "is_enabled", where)
        events = payload.as_object(obj.get("events") or {}, f"{where}.events")
        missing = [name for name in WALL_EVENTS if not flag(events, name, f"{where}.events")]
        if enabled and not missing:
            return
        params: dict[str, Param | None] = {"group_id": self.group_id, "enabled": True}
        params.update(dict.fromkeys(missing, True))
        if not enabled:  # never change the version another bot of the community relies on
            params["api_version"] = API_VERSION
        await self._api.call(
            "groups.setLongPollSettings",
            params,
            what=f"turning on the long poll wall events of community {self.group_id}",
        )
        log.info("VK: turned on the long poll wall comment events of community %s", self.group_id)
