"""Request, response and routing types: endpoints are plain functions, testable without sockets."""

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = JSON_TYPE
    headers: tuple[tuple[str, str], ...] = ()


def json_response(
    data: object, status: int = 200, headers: tuple[tuple[str, str], ...] = ()
) -> Response:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Response(status, body, JSON_TYPE, headers)


def html_response(html: str, status: int = 200) -> Response:
    # The pages show untrusted comment text; escaping is the defence, the policy a backstop.
    policy = ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
    return Response(status, html.encode("utf-8"), HTML_TYPE, (policy,))


class ApiError(Exception):
    """An error the client should see as `{"error": {"code", "message", ...}}`."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: tuple[tuple[str, str], ...] = (),
        extra: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.extra = dict(extra or {})

    def response(self) -> Response:
        error = {"code": self.code, "message": self.message, **self.extra}
        return json_response({"error": error}, self.status, self.headers)


def validation(message: str) -> ApiError:
    return ApiError(400, "validation", message)


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str  # still percent-encoded, without the query string
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # names lower-cased
    body: bytes = b""

    def json(self) -> dict[str, Any]:
        """The body as a JSON object; an empty body counts as `{}`."""
        if not self.body.strip():
            return {}
        try:
            value = json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise ApiError(400, "bad_request", "the body is not valid UTF-8 JSON") from None
        if not isinstance(value, dict):
            raise ApiError(400, "bad_request", "the body must be a JSON object")
        return value

    def query_int(self, name: str, default: int, low: int, high: int) -> int:
        raw = self.query.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise validation(f"'{name}' must be an integer") from None
        if not low <= value <= high:
            raise validation(f"'{name}' must be between {low} and {high}")
        return value


Handler = Callable[[Request, dict[str, str]], Response]


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    template: str  # "/api/v1/comments/{id}/hide"
    handler: Handler
    auth: bool = False

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compile(self.template)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _compile(template: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(template)
    regex = "".join(
        f"(?P<{part}>[^/]+)" if i % 2 else re.escape(part) for i, part in enumerate(parts)
    )
    return re.compile(regex)


class Router:
    def __init__(self, routes: Iterable[Route]) -> None:
        self._routes = [(route, route.pattern) for route in routes]

    def resolve(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        """The route for a request, or a 404/405 ApiError. HEAD is served as GET."""
        wanted = "GET" if method == "HEAD" else method
        allowed: set[str] = set()
        for route, pattern in self._routes:
            match = pattern.fullmatch(path)
            if match is None:
                continue
            if route.method == wanted:
                return route, {k: unquote(v) for k, v in match.groupdict().items()}
            allowed.add(route.method)
        if allowed:
            allow = ", ".join(sorted(allowed))
            raise ApiError(
                405,
                "method_not_allowed",
                f"{method} is not allowed here (allowed: {allow})",
                headers=(("Allow", allow),),
            )
        raise ApiError(404, "not_found", "no such endpoint")
