"""The loopback redirect of the installed-app OAuth flow (RFC 8252 §7.3).

A one-shot HTTP server on 127.0.0.1 and a port the OS picks catches the browser's redirect
with the authorization code. It runs in its own thread (stdlib `http.server`), and hands the
answer to the asyncio side through a future. Requests with a wrong `state` are answered and
ignored, so a stray page cannot end the sign-in or slip in a code.
"""

import asyncio
import contextlib
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from types import TracebackType
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from moderator_app.connectors.errors import PermanentError, TransientError

CALLBACK_PATH = "/"
_DONE_PAGE = (
    "<!doctype html><html lang='ru'><meta charset='utf-8'><title>Moderator</title>"
    "<body style='font-family:sans-serif;margin:3em'><h2>Готово / Done</h2>"
    "<p>{ru}</p><p>{en}</p></body></html>"
)


@dataclass(frozen=True, slots=True)
class Redirect:
    """What the browser brought back: a code, or Google's error (e.g. `access_denied`)."""

    code: str = ""
    error: str = ""


class _Server(HTTPServer):
    expected_state: str
    deliver: Any  # Callable[[Redirect], None], set before serving

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A broken browser connection is not worth a traceback on stderr."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"
    pages: ClassVar[dict[str, tuple[str, str]]] = {
        "ok": (
            "Вход выполнен. Это окно можно закрыть и вернуться в Moderator.",
            "You are signed in. You can close this window and return to Moderator.",
        ),
        "denied": (
            "Вход отменён. Вернитесь в Moderator, чтобы попробовать снова.",
            "Sign-in was cancelled. Return to Moderator to try again.",
        ),
    }

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH:
            self._answer(404, "Not found", "Not found")
            return
        query = parse_qs(parts.query)
        state = query.get("state", [""])[0]
        if state != self.server.expected_state:
            self._answer(400, "Неверный запрос.", "This request does not belong to the sign-in.")
            return
        code = query.get("code", [""])[0]
        error = query.get("error", [""])[0]
        if not code and not error:
            self._answer(400, "Неверный запрос.", "The sign-in answer is incomplete.")
            return
        self._answer(200, *self.pages["ok" if code else "denied"])
        self.server.deliver(Redirect(code=code, error=error))

    def _answer(self, status: int, ru: str, en: str) -> None:
        body = _DONE_PAGE.format(ru=ru, en=en).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the request line holds the authorization code."""


class LoopbackReceiver:
    """`async with LoopbackReceiver(state) as r:` send the browser off with `r.redirect_uri`,
    then `await r.wait(timeout)` for the code."""

    def __init__(self, state: str, host: str = "127.0.0.1") -> None:
        self._state = state
        self._host = host
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._future: asyncio.Future[Redirect] | None = None

    @property
    def redirect_uri(self) -> str:
        if self._server is None:
            raise RuntimeError("the receiver is not running")
        port = self._server.server_address[1]
        return f"http://{self._host}:{port}{CALLBACK_PATH}"

    async def __aenter__(self) -> "LoopbackReceiver":
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Redirect] = loop.create_future()
        self._future = future

        def deliver(redirect: Redirect) -> None:
            def settle() -> None:
                if not future.done():
                    future.set_result(redirect)

            with contextlib.suppress(RuntimeError):  # the loop closed: nobody is waiting
                loop.call_soon_threadsafe(settle)

        try:
            server = _Server((self._host, 0), _Handler)
        except OSError as exc:
            raise TransientError(
                f"YouTube sign-in: could not listen on {self._host} ({exc.strerror})"
            ) from None
        server.expected_state = self._state
        server.deliver = deliver
        server.timeout = 0.5
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="youtube-oauth-loopback",
            daemon=True,
        )
        self._thread.start()
        return self

    async def wait(self, timeout_s: float) -> str:
        """The authorization code; PermanentError if the moderator refused, TransientError on
        timeout (nothing happened in the browser)."""
        assert self._future is not None
        try:
            redirect = await asyncio.wait_for(asyncio.shield(self._future), timeout_s)
        except TimeoutError:
            raise TransientError(
                f"YouTube sign-in: no answer from the browser within {round(timeout_s)} s"
            ) from None
        if redirect.error:
            if redirect.error == "access_denied":
                raise PermanentError("YouTube sign-in was cancelled in the browser")
            raise PermanentError(f"YouTube sign-in failed in the browser ({redirect.error[:60]})")
        return redirect.code

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            await asyncio.to_thread(server.shutdown)
            server.server_close()
        if thread is not None:
            await asyncio.to_thread(thread.join, 5)
        if self._future is not None and not self._future.done():
            self._future.cancel()
