"""The stdlib HTTP glue: bytes on a socket to a `Request`, a `Response` back to bytes.

Everything protocol-level that can go wrong (bad lengths, clients vanishing, garbage request
lines) is answered or swallowed here, so no input can take the server down.
"""

import logging
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from moderator_app.sandbox.app import SandboxApp
from moderator_app.sandbox.web import ApiError, Request, Response

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024


class _BadBody(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.error = ApiError(status, code, message)


class HttpServer(ThreadingHTTPServer):
    daemon_threads = True  # a handler stuck in a slow client never blocks stop()
    app: SandboxApp

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client vanishing mid-request is normal for a test double; keep stderr quiet.
        log.debug("sandbox: connection from %s failed", client_address, exc_info=True)


class HttpServer6(HttpServer):
    address_family = socket.AF_INET6


class Handler(BaseHTTPRequestHandler):
    server: HttpServer
    protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects from a real platform
    server_version = "ModeratorSandbox/1"
    sys_version = ""
    timeout = 60  # an idle keep-alive connection gives its thread back (clients idle out first)
    disable_nagle_algorithm = True  # headers and body go in two writes; don't wait for ACKs

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except _BadBody as bad:
            self._send(bad.error.response(), close=True)
            return
        split = urlsplit(self.path)
        request = Request(
            method=self.command,
            path=split.path or "/",
            query=dict(parse_qsl(split.query, keep_blank_values=True)),
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
        )
        self._send(self.server.app.handle(request))

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _dispatch

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise _BadBody(411, "length_required", "send a Content-Length, not chunks")
        raw = self.headers.get("Content-Length")
        if raw is None:
            return b""
        try:
            length = int(raw)
        except ValueError:
            raise _BadBody(400, "bad_request", "Content-Length is not a number") from None
        if length < 0:
            raise _BadBody(400, "bad_request", "Content-Length is negative")
        if length > MAX_BODY:
            raise _BadBody(413, "too_large", f"the body is over {MAX_BODY} bytes")
        return self.rfile.read(length)

    def _send(self, response: Response, *, close: bool = False) -> None:
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in response.headers:
                self.send_header(name, value)
            if close:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(response.body)
        except OSError:  # the client gave up (timed out, reset): nobody to answer
            self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Protocol-level errors (bad request line, unknown method) as JSON too."""
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "error"
        self._send(ApiError(code, "http_error", message or phrase).response(), close=True)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox: " + format, *args)
