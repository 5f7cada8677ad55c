"""The platform API a connector talks to: sign-in, communities, the event feed and actions."""

from moderator_app.sandbox import fields
from moderator_app.sandbox.state import KeyReused, UnknownComment, World
from moderator_app.sandbox.tokens import TokenRegistry
from moderator_app.sandbox.web import ApiError, Request, Response, Route, json_response

MAX_TEXT = 8000
MAX_KEY = 200
MAX_PAGE = 200
DEFAULT_PAGE = 100
MODERATOR_NAME = "Sandbox moderator"


def not_found(comment_id: str) -> ApiError:
    return ApiError(404, "not_found", f"comment {comment_id!r} does not exist")


class PlatformApi:
    def __init__(self, world: World, tokens: TokenRegistry) -> None:
        self._world = world
        self._tokens = tokens

    def routes(self) -> list[Route]:
        return [
            Route("POST", "/api/v1/token", self.token),
            Route("GET", "/api/v1/me", self.me, auth=True),
            Route("GET", "/api/v1/communities", self.communities, auth=True),
            Route("GET", "/api/v1/events", self.events, auth=True),
            Route("POST", "/api/v1/comments/{id}/replies", self.reply, auth=True),
            Route("POST", "/api/v1/comments/{id}/hide", self.hide, auth=True),
            Route("POST", "/api/v1/comments/{id}/unhide", self.unhide, auth=True),
        ]

    def token(self, request: Request, _: dict[str, str]) -> Response:
        client = fields.optional_str(request.json(), "client", max_len=200) or "unknown"
        token = self._tokens.issue(client)
        return json_response({"access_token": token, "token_type": "bearer"})

    def me(self, _request: Request, _: dict[str, str]) -> Response:
        communities = self._world.communities_json(with_posts=False)
        return json_response({"name": MODERATOR_NAME, "communities": communities})

    def communities(self, _request: Request, _: dict[str, str]) -> Response:
        return json_response({"communities": self._world.communities_json(with_posts=True)})

    def events(self, request: Request, _: dict[str, str]) -> Response:
        after = request.query_int("after", 0, 0, 2**53)
        limit = request.query_int("limit", DEFAULT_PAGE, 1, MAX_PAGE)
        page = self._world.events(after, limit)
        data: dict[str, object] = {
            "events": [event.to_json() for event in page.events],
            "next": page.next,
            "more": page.more,
        }
        if page.reset:
            data["reset"] = True
        return json_response(data)

    def reply(self, request: Request, params: dict[str, str]) -> Response:
        body = request.json()
        text = fields.required_str(body, "text", max_len=MAX_TEXT)
        key = _key(body)
        try:
            comment, created = self._world.reply(params["id"], text, key)
        except UnknownComment:
            raise not_found(params["id"]) from None
        except KeyReused:
            raise _conflict() from None
        return json_response(comment, 201 if created else 200)

    def hide(self, request: Request, params: dict[str, str]) -> Response:
        return self._set_hidden(request, params["id"], hidden=True)

    def unhide(self, request: Request, params: dict[str, str]) -> Response:
        return self._set_hidden(request, params["id"], hidden=False)

    def _set_hidden(self, request: Request, comment_id: str, *, hidden: bool) -> Response:
        key = _key(request.json())
        try:
            return json_response(self._world.set_hidden(comment_id, hidden, key))
        except UnknownComment:
            raise not_found(comment_id) from None
        except KeyReused:
            raise _conflict() from None


def _key(body: dict[str, object]) -> str | None:
    key = fields.optional_str(body, "idempotency_key", max_len=MAX_KEY)
    return key or None


def _conflict() -> ApiError:
    return ApiError(409, "conflict", "this idempotency_key was already used for another action")
