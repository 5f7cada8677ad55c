"""Connecting VK: one user token of a community administrator, nothing else.

Per VK's official schema, every method the connector needs accepts a user token:
`wall.get/getById/getComments/createComment` and `groups.getLongPollServer/
getLongPollSettings/setLongPollSettings` take a user or a community token, while
`wall.deleteComment/restoreComment/reportComment` take only a user token. So a community token
would add a second secret and still not be enough; an administrator's user token with the
scopes wall, groups and offline is.
"""

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from moderator_app.connectors.base import Credentials, SetupField, SignInResult, WatchTarget
from moderator_app.connectors.errors import PermanentError
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.vk.api import LABEL, VkApi
from moderator_app.connectors.vk.convert import SITE
from moderator_app.connectors.vk.oauth import authorize_url, client_id_from, parse_redirect
from moderator_app.connectors.vk.payload import VkName, parse_group_list, parse_user_list
from moderator_app.domain import Platform

# account.getAppPermissions bits (VK's user access rights)
WALL_RIGHT = 8192
GROUPS_RIGHT = 262144
MAX_COMMUNITIES = 1000

_COMMUNITY_SLUG = re.compile(r"(?:club|public|event)(\d+)")


class VkSetup:
    """Sign-in fields: the VK app id (optional when MODERATOR_VK_CLIENT_ID is set), the
    address VK showed after access was allowed (or the token), and optionally one community.
    `authorize_url(values)` is the page to open first."""

    platform = Platform.VK
    fields = (
        SetupField(
            "client_id",
            "VK app ID",
            placeholder="or set MODERATOR_VK_CLIENT_ID",
            required=False,
        ),
        SetupField(
            "token",
            "Address of the page VK showed after you allowed access (or the token)",
            secret=True,
            placeholder="https://oauth.vk.com/blank.html#access_token=…",
        ),
        SetupField(
            "community",
            "Community (optional: id, short name or link)",
            placeholder="empty: every community you administer",
            required=False,
        ),
    )

    def __init__(
        self,
        *,
        pacer: Pacer | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self._pacer = pacer
        self._env = env

    def authorize_url(self, values: Mapping[str, str] | None = None) -> str:
        """The VK page to open in the browser before pasting its final address back."""
        return authorize_url(client_id_from(values or {}, self._env))

    async def sign_in(self, client: httpx.AsyncClient, values: dict[str, str]) -> SignInResult:
        """Check the token, its rights, and list the communities the user administers."""
        token = parse_redirect(values.get("token", ""))
        api = VkApi(client, token, pacer=self._pacer)
        me = await _me(api)
        await _check_rights(api)
        communities = await _administered(api)
        wanted = values.get("community", "").strip()
        if wanted:
            communities = [c for c in communities if _matches(c, wanted)]
            if not communities:
                raise PermanentError(
                    "VK: you are not an administrator of that community; choose one you administer"
                )
        if not communities:
            raise PermanentError(
                "VK: this account administers no community. Sign in as a community "
                "administrator: only they may remove and restore comments"
            )
        settings: dict[str, object] = {"user_id": me.owner_id}
        client_id = client_id_from(values, self._env)
        if client_id:
            settings["client_id"] = client_id
        targets = [
            WatchTarget(str(-c.owner_id), c.name or _slug(c), "community") for c in communities
        ]
        if len(communities) == 1:
            only = communities[0]
            settings["group_id"] = -only.owner_id
            name, url = only.name or _slug(only), f"{SITE}/{_slug(only)}"
        else:
            name, url = me.name or f"id{me.owner_id}", f"{SITE}/id{me.owner_id}"
        return SignInResult(
            credentials=Credentials(token=token),
            account_name=name,
            url=url,
            settings=settings,
            targets=targets,
        )


async def _me(api: VkApi) -> VkName:
    what = "checking the sign-in"
    users = parse_user_list(await api.call("users.get", {}, what=what), f"{LABEL}: {what}")
    if not users:
        raise PermanentError(
            "VK: that is not a user's token; sign in with your own VK account instead"
        )
    return users[0]


async def _check_rights(api: VkApi) -> None:
    what = "checking the sign-in's rights"
    rights = await api.call("account.getAppPermissions", {}, what=what)
    if isinstance(rights, bool) or not isinstance(rights, int):
        raise PermanentError(f"{LABEL}: {what}: VK did not say which rights the sign-in has")
    missing = [n for n, bit in (("wall", WALL_RIGHT), ("groups", GROUPS_RIGHT)) if not rights & bit]
    if missing:
        raise PermanentError(
            f"VK: the sign-in lacks access to {' and '.join(missing)}; open the VK sign-in "
            "page again and allow everything it asks for"
        )


async def _administered(api: VkApi) -> list[VkName]:
    what = "listing the communities you administer"
    data = await api.call(
        "groups.get",
        {"filter": "admin", "extended": True, "count": MAX_COMMUNITIES},
        what=what,
    )
    return parse_group_list(data, f"{LABEL}: {what}")


def _slug(community: VkName) -> str:
    return community.screen_name or f"club{-community.owner_id}"


def _matches(community: VkName, wanted: str) -> bool:
    """`wanted` is an id (123, -123, club123), a short name, or a link to the community."""
    text = wanted.strip()
    if "://" in text or text.startswith("vk.com/"):
        text = urlsplit(text if "://" in text else f"https://{text}").path.strip("/")
    text = text.removeprefix("-")
    slug = _COMMUNITY_SLUG.fullmatch(text)
    if slug is not None:
        text = slug.group(1)
    if text.isdigit():
        return int(text) == -community.owner_id
    return bool(community.screen_name) and text.lower() == community.screen_name.lower()
