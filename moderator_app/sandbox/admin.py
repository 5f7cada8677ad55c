"""Unauthenticated control endpoints for tests and inspection (the server binds loopback only)."""

from moderator_app.sandbox import fields
from moderator_app.sandbox.api import MAX_TEXT, not_found
from moderator_app.sandbox.faults import FaultKind, FaultPlan
from moderator_app.sandbox.ratelimit import RateLimiter
from moderator_app.sandbox.state import UnknownComment, World
from moderator_app.sandbox.stream import CommentStream
from moderator_app.sandbox.tokens import TokenRegistry
from moderator_app.sandbox.web import Request, Response, Route, json_response, validation

MAX_GENERATE = 1000


class AdminApi:
    def __init__(
        self,
        world: World,
        tokens: TokenRegistry,
        faults: FaultPlan,
        limiter: RateLimiter,
        stream: CommentStream,
    ) -> None:
        self._world = world
        self._tokens = tokens
        self._faults = faults
        self._limiter = limiter
        self._stream = stream

    def routes(self) -> list[Route]:
        return [
            Route("GET", "/_admin/state", self.state),
            Route("GET", "/_admin/comments/{id}", self.comment),
            Route("POST", "/_admin/generate", self.generate),
            Route("POST", "/_admin/config", self.config),
            Route("POST", "/_admin/revoke", self.revoke),
            Route("POST", "/_admin/faults", self.arm_fault),
            Route("POST", "/_admin/faults/clear", self.clear_faults),
            Route("POST", "/_admin/moderate", self.moderate),
        ]

    def state(self, _request: Request, _: dict[str, str]) -> Response:
        return json_response(
            {
                "comments": self._world.comments(),
                "actions": self._world.actions(),
                "tokens": self._tokens.active_count(),
            }
        )

    def comment(self, _request: Request, params: dict[str, str]) -> Response:
        try:
            comment = self._world.comment(params["id"])
            comment["replies"] = self._world.replies(params["id"])
        except UnknownComment:
            raise not_found(params["id"]) from None
        return json_response(comment)

    def generate(self, request: Request, _: dict[str, str]) -> Response:
        count = fields.optional_int(request.json(), "count", low=0, high=MAX_GENERATE)
        return json_response({"created": self._world.generate(1 if count is None else count)})

    def config(self, request: Request, _: dict[str, str]) -> Response:
        body = request.json()
        rate = fields.optional_number(body, "rate_per_s", low=0.001, high=1e6)
        burst = fields.optional_int(body, "burst", low=1, high=1_000_000)
        interval = fields.optional_number(body, "interval_s", low=-1.0, high=86_400.0)
        self._limiter.configure(rate_per_s=rate, burst=burst)
        if interval is not None:
            self._stream.interval_s = interval
        return json_response(
            {
                "rate_per_s": self._limiter.rate_per_s,
                "burst": self._limiter.burst,
                "interval_s": self._stream.interval_s,
            }
        )

    def revoke(self, _request: Request, _: dict[str, str]) -> Response:
        return json_response({"revoked": self._tokens.revoke_all()})

    def arm_fault(self, request: Request, _: dict[str, str]) -> Response:
        body = request.json()
        prefix = fields.required_str(body, "path_prefix", max_len=500)
        raw_kind = fields.required_str(body, "kind", max_len=20)
        times = fields.optional_int(body, "times", low=1, high=10_000)
        try:
            kind = FaultKind(raw_kind)
        except ValueError:
            choices = ", ".join(k.value for k in FaultKind)
            raise validation(f"'kind' must be one of: {choices}") from None
        self._faults.arm(prefix, kind, 1 if times is None else times)
        return json_response(
            {"armed": {"path_prefix": prefix, "kind": kind.value, "times": times or 1}}
        )

    def clear_faults(self, _request: Request, _: dict[str, str]) -> Response:
        return json_response({"cleared": self._faults.clear()})

    def moderate(self, request: Request, _: dict[str, str]) -> Response:
        """A change made on the site by someone else: `hidden`, or an author's edit (`text`)."""
        body = request.json()
        comment_id = fields.required_str(body, "comment_id", max_len=100)
        hidden = fields.optional_bool(body, "hidden")
        text = fields.optional_str(body, "text", max_len=MAX_TEXT)
        if hidden is None and text is None:
            raise validation("give 'hidden' and/or 'text'")
        if text is not None and not text.strip():
            raise validation("'text' must not be empty")
        try:
            return json_response(self._world.moderate(comment_id, hidden, text))
        except UnknownComment:
            raise not_found(comment_id) from None
