"""Connecting a sandbox account: the platform's URL is all it asks for."""

import httpx

from moderator_app.connectors.base import Credentials, SetupField, SignInResult, WatchTarget
from moderator_app.connectors.http import decode_json_object, raise_for_status, send
from moderator_app.connectors.sandbox import request_token
from moderator_app.domain import Platform


class SandboxSetup:
    platform = Platform.SANDBOX
    fields = (SetupField("url", "Sandbox URL", placeholder="http://127.0.0.1:8765"),)

    async def sign_in(self, client: httpx.AsyncClient, values: dict[str, str]) -> SignInResult:
        url = values["url"].strip().rstrip("/")
        token = await request_token(client, url)
        what = "sandbox: reading the signed-in profile"
        response = await send(
            client,
            "GET",
            f"{url}/api/v1/me",
            what=what,
            headers={"Authorization": f"Bearer {token}"},
        )
        raise_for_status(response, what=what)
        me = decode_json_object(response, what=what)
        communities = me.get("communities")
        targets = [
            WatchTarget(str(c["id"]), str(c.get("name", c["id"])), "community")
            for c in (communities if isinstance(communities, list) else [])
            if isinstance(c, dict) and "id" in c
        ]
        return SignInResult(
            credentials=Credentials(token=token),
            account_name=str(me.get("name") or "Sandbox"),
            url=url,
            targets=targets,
        )
