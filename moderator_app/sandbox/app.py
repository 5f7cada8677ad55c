"""One request's way through the sandbox: injected faults, routing, auth, rate limit, endpoint."""

import logging
from collections.abc import Callable

from moderator_app.sandbox.faults import FaultKind, FaultPlan
from moderator_app.sandbox.ratelimit import RateLimiter
from moderator_app.sandbox.tokens import TokenRegistry
from moderator_app.sandbox.web import JSON_TYPE, ApiError, Request, Response, Router

log = logging.getLogger(__name__)

ADMIN_PREFIX = "/_admin/"
TIMEOUT_FAULT_S = 5.0
_TRUNCATED = b'{"events": [{"seq": 1, "type": "crea'


class SandboxApp:
    """Turns a `Request` into a `Response`; never raises, whatever the input."""

    def __init__(
        self,
        router: Router,
        tokens: TokenRegistry,
        limiter: RateLimiter,
        faults: FaultPlan,
        sleep: Callable[[float], object],
    ) -> None:
        self._router = router
        self._tokens = tokens
        self._limiter = limiter
        self._faults = faults
        self._sleep = sleep  # interruptible, so stopping the server does not wait out a fault

    def handle(self, request: Request) -> Response:
        try:
            return self._handle(request)
        except ApiError as error:
            return error.response()
        except Exception:
            log.exception("sandbox: %s %s failed", request.method, request.path)
            return ApiError(500, "internal", "internal server error").response()

    def _handle(self, request: Request) -> Response:
        if not request.path.startswith(ADMIN_PREFIX):
            fault = self._faults.take(request.path)
            if fault is FaultKind.TIMEOUT:
                self._sleep(TIMEOUT_FAULT_S)
            elif fault is not None:
                return _fault_response(fault)
        route, params = self._router.resolve(request.method, request.path)
        if route.auth:
            self._throttle(self._authorize(request))
        return route.handler(request, params)

    def _authorize(self, request: Request) -> str:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise _unauthorized("a bearer token is required")
        if not self._tokens.is_valid(token):
            raise _unauthorized("the access token has expired or was revoked")
        return token

    def _throttle(self, token: str) -> None:
        wait = self._limiter.check(token)
        if wait:
            raise _rate_limited(wait)


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "auth_expired", message, headers=(("WWW-Authenticate", "Bearer"),))


def _rate_limited(seconds: int) -> ApiError:
    return ApiError(
        429,
        "rate_limited",
        f"too many requests, retry in {seconds} s",
        headers=(("Retry-After", str(seconds)),),
        extra={"retry_after": seconds},
    )


def _fault_response(kind: FaultKind) -> Response:
    if kind is FaultKind.RATE_LIMITED:
        return _rate_limited(1).response()
    if kind is FaultKind.MALFORMED:
        return Response(200, _TRUNCATED, JSON_TYPE)
    return ApiError(500, "internal", "injected server error").response()
