"""Connecting VK: the implicit-flow link, reading the pasted address, and sign-in."""

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from moderator_app.connectors.base import SignInResult
from moderator_app.connectors.errors import AuthExpired, PermanentError
from moderator_app.connectors.pacing import Pacer
from moderator_app.connectors.vk import VkConnector, VkSetup, authorize_url, parse_redirect
from moderator_app.domain import Account, Platform
from tests.connectors.vk.vk_session import GROUP, Inbox, run
from tests.servers.vk_fake import RIGHTS_WALL, FakeVk

TOKEN = "vk1.a.AbCdEf0123456789_xyz-TOKEN"


def test_authorize_url_asks_for_a_lasting_user_token() -> None:
    url = authorize_url("51234567")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://oauth.vk.com/authorize"
    assert parse_qs(parts.query) == {
        "client_id": ["51234567"],
        "display": ["page"],
        "redirect_uri": ["https://oauth.vk.com/blank.html"],
        "scope": ["wall,groups,offline"],
        "response_type": ["token"],
        "v": ["5.199"],
    }
    assert "state=abc" in authorize_url("1", state="abc")
    with pytest.raises(PermanentError, match="MODERATOR_VK_CLIENT_ID"):
        authorize_url("")


def test_the_setup_finds_the_app_id_in_the_form_or_the_environment() -> None:
    setup = VkSetup(env={"MODERATOR_VK_CLIENT_ID": "777"})
    assert "client_id=777" in setup.authorize_url()
    assert "client_id=42" in setup.authorize_url({"client_id": " 42 "})
    with pytest.raises(PermanentError):
        VkSetup(env={}).authorize_url()
    assert [f.name for f in setup.fields] == ["client_id", "token", "community"]
    assert [f.name for f in setup.fields if f.secret] == ["token"]
    assert [f.name for f in setup.fields if f.required] == ["token"]


@pytest.mark.parametrize(
    "pasted",
    [
        f"https://oauth.vk.com/blank.html#access_token={TOKEN}&expires_in=0&user_id=501",
        f"  https://oauth.vk.com/blank.html#expires_in=0&access_token={TOKEN}&user_id=501\n",
        f"oauth.vk.com/blank.html#access_token={TOKEN}&expires_in=0",
        f"#access_token={TOKEN}",
        TOKEN,
    ],
)
def test_the_token_is_read_from_the_pasted_address(pasted: str) -> None:
    assert parse_redirect(pasted) == TOKEN


@pytest.mark.parametrize(
    ("pasted", "message"),
    [
        ("", "paste the address"),
        ("hello", "neither the address"),
        (
            "https://oauth.vk.com/blank.html#error=access_denied&error_reason=user_denied"
            "&error_description=User%20denied%20your%20request",
            "did not grant access: User denied your request",
        ),
        (
            f"https://oauth.vk.com/blank.html#access_token_1001={TOKEN}&expires_in=0",
            "community token",
        ),
        ("https://oauth.vk.com/blank.html#expires_in=0&user_id=1", "has no access token"),
        (f"https://oauth.vk.com/blank.html#access_token=short{TOKEN[:5]}", "has no access token"),
    ],
)
def test_unusable_pastes_are_explained_without_echoing_them(pasted: str, message: str) -> None:
    with pytest.raises(PermanentError, match=message) as caught:
        parse_redirect(pasted)
    assert TOKEN not in str(caught.value)


def _sign_in(fake: FakeVk, **values: str) -> SignInResult:
    async def scenario(client: httpx.AsyncClient) -> SignInResult:
        setup = VkSetup(pacer=Pacer(0), env={})
        pasted = f"https://oauth.vk.com/blank.html#access_token={fake.token}&expires_in=0"
        return await setup.sign_in(client, {"token": pasted, **values})

    return run(fake, scenario)


def test_sign_in_with_one_community() -> None:
    fake = FakeVk()
    result = _sign_in(fake, client_id="51234567")
    assert result.credentials.token == fake.token
    assert fake.token not in repr(result)
    assert result.account_name == "Кофейня «Бодрость»"
    assert result.url == "https://vk.com/bodrost"
    assert result.settings == {"user_id": fake.admin_id, "client_id": "51234567", "group_id": GROUP}
    assert [(t.id, t.title, t.kind) for t in result.targets] == [
        (str(GROUP), "Кофейня «Бодрость»", "community")
    ]
    assert [name for name, _ in fake.calls] == [
        "users.get",
        "account.getAppPermissions",
        "groups.get",
    ]
    assert fake.calls_of("groups.get")[0]["filter"] == "admin"


def test_sign_in_lists_every_administered_community_or_the_chosen_one() -> None:
    fake = FakeVk()
    fake.add_group(2002, "Книжный клуб", "bookclub")
    fake.add_group(3003, "Чужое сообщество", "other")
    fake.admins[3003] = {12345}
    both = _sign_in(fake)
    assert both.account_name == "Анна Смирнова"
    assert both.url == f"https://vk.com/id{fake.admin_id}"
    assert {t.id for t in both.targets} == {str(GROUP), "2002"}
    assert "group_id" not in both.settings
    for wanted in (
        "bookclub",
        "https://vk.com/bookclub",
        "club2002",
        "2002",
        "-2002",
        "vk.com/club2002",
    ):
        chosen = _sign_in(fake, community=wanted)
        assert [t.id for t in chosen.targets] == ["2002"], wanted
        assert chosen.settings["group_id"] == 2002
    with pytest.raises(PermanentError, match="not an administrator"):
        _sign_in(fake, community="other")


def test_sign_in_refuses_what_cannot_moderate() -> None:
    fake = FakeVk()
    fake.admins[GROUP] = set()
    with pytest.raises(PermanentError, match="administers no community"):
        _sign_in(fake)
    fake = FakeVk()
    fake.rights = RIGHTS_WALL
    with pytest.raises(PermanentError, match="lacks access to groups"):
        _sign_in(fake)
    fake = FakeVk()
    fake.revoke(fake.token)
    with pytest.raises(AuthExpired) as expired:
        _sign_in(fake)
    assert fake.token not in str(expired.value)


def test_a_signed_in_account_syncs() -> None:
    """What sign-in returns, stored the way accounts.save_account stores it, is enough."""
    fake = FakeVk()
    post = fake.add_post(GROUP, "пост")
    fake.add_comment(GROUP, post, fake.admin_id, "первый")
    result = _sign_in(fake)
    settings = {**result.settings, "watch": [t.id for t in result.targets]}
    account = Account(Platform.VK, result.account_name, result.url, settings=settings, id=3)

    async def scenario(client: httpx.AsyncClient) -> Inbox:
        inbox = Inbox()
        await inbox.sync(VkConnector(account, result.credentials, client, pacer=Pacer(0)))
        return inbox

    assert [c.text for c in run(fake, scenario).comments.values()] == ["первый"]
