"""Signing in to a WordPress site (against the fake; the real site in test_real_site.py)."""

import asyncio

import httpx
import pytest

from moderator_app.connectors import registry
from moderator_app.connectors.base import Credentials, SignInResult
from moderator_app.connectors.errors import AuthExpired, ConnectorError, PermanentError
from moderator_app.connectors.wordpress import WordPressConnector, WordPressSetup
from moderator_app.connectors.wordpress.setup import site_address
from moderator_app.domain import Account, Platform
from tests.connectors.wordpress.fake_site import PASSWORD, SITE, USER_ID, USERNAME, FakeWordPress


def _sign_in(fake: FakeWordPress, **values: str) -> SignInResult:
    form = {"url": "blog.example.test/", "username": USERNAME, "app_password": PASSWORD, **values}

    async def main() -> SignInResult:
        async with httpx.AsyncClient(transport=fake.transport()) as client:
            return await WordPressSetup().sign_in(client, form)

    return asyncio.run(main())


def test_fields() -> None:
    setup = WordPressSetup()
    assert setup.platform is Platform.WORDPRESS
    assert [(f.name, f.secret) for f in setup.fields] == [
        ("url", False),
        ("username", False),
        ("app_password", True),
    ]
    assert isinstance(registry.setup_for(Platform.WORDPRESS), WordPressSetup)


def test_sign_in() -> None:
    fake = FakeWordPress()
    result = _sign_in(fake)
    assert result.account_name == "Brand & Co"
    assert result.url == SITE
    assert result.credentials.token == PASSWORD
    assert result.credentials.extra == {"username": USERNAME}
    assert result.settings == {"api_root": f"{SITE}/wp-json", "user_id": USER_ID}
    assert [(t.id, t.kind) for t in result.targets] == [("all", "site"), ("4", "post")]
    assert result.targets[1].title == "Осенняя коллекция – новинки"
    assert PASSWORD not in repr(result)
    me = fake.sent("GET", "/wp/v2/users/me")[0]
    assert me.url.params["context"] == "edit"


def test_sign_in_on_a_site_with_plain_permalinks() -> None:
    result = _sign_in(FakeWordPress(pretty_permalinks=False))
    assert result.settings["api_root"] == f"{SITE}/?rest_route="


def test_wrong_password() -> None:
    with pytest.raises(AuthExpired, match="did not accept") as caught:
        _sign_in(FakeWordPress(), app_password="wrong wrong wrong")
    assert "wrong wrong" not in str(caught.value)


def test_user_who_cannot_moderate() -> None:
    with pytest.raises(PermanentError, match="may not moderate comments"):
        _sign_in(FakeWordPress(moderate=False))


def test_missing_values() -> None:
    with pytest.raises(PermanentError, match="user name"):
        _sign_in(FakeWordPress(), username=" ")
    with pytest.raises(PermanentError, match="address"):
        _sign_in(FakeWordPress(), url="")


def test_not_a_wordpress_site() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="<html>nope</html>", headers={"Content-Type": "text/html"})

    async def main() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            await WordPressSetup().sign_in(
                client, {"url": "https://shop.example.test", "username": "u", "app_password": "p"}
            )

    with pytest.raises(PermanentError, match="No WordPress REST API answers at https://shop"):
        asyncio.run(main())


def test_site_without_application_passwords() -> None:
    fake = FakeWordPress()
    index = fake._index()
    del index["authentication"]
    fake.fail("GET", "^/$", httpx.Response(200, json=index))
    with pytest.raises(PermanentError, match="does not offer application passwords"):
        _sign_in(fake)


@pytest.mark.parametrize(
    ("raw", "address"),
    [
        ("blog.example.test", "https://blog.example.test"),
        ("  https://blog.example.test/news/ ", "https://blog.example.test/news"),
        ("https://blog.example.test/?p=1#x", "https://blog.example.test"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("http://localhost/wp", "http://localhost/wp"),
    ],
)
def test_site_address(raw: str, address: str) -> None:
    assert site_address(raw) == address


@pytest.mark.parametrize("raw", ["http://blog.example.test", "ftp://x.test", "https://", "   "])
def test_site_address_refused(raw: str) -> None:
    with pytest.raises(ConnectorError):
        site_address(raw)


def test_registry_builds_the_connector() -> None:
    async def main() -> object:
        async with httpx.AsyncClient() as client:
            account = Account(Platform.WORDPRESS, "b", SITE, settings={"user_id": 1}, id=3)
            return registry.make_connector(
                account, Credentials(token="x", extra={"username": "u"}), client
            )

    assert isinstance(asyncio.run(main()), WordPressConnector)
