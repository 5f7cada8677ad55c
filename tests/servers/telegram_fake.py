"""A fake Telegram Bot API on a loopback port, so connector and engine tests go over real HTTP.

`TelegramFake` serves `/bot<token>/<method>` like api.telegram.org: GET or POST, parameters
in the query string, a form body or a JSON body (JSON-serialised values in forms), answers in
the `{"ok", "result" | "error_code", "description", "parameters"}` envelope with the HTTP
status equal to `error_code`. The behaviour lives in `TelegramWorld`; this module adds the
wire, a log of calls and answers, and injected faults:

- "429" (`retry_after`), "500", "502" (an HTML page, as a proxy sends), "malformed" (cut-off
  JSON), "not_envelope" (JSON without `ok`): answered instead of carrying out the call;
- "slow" (`delay_s`): carry the call out after a delay, answering a client that gave up;
- "drop": carry the call out, then close the connection without answering.
"""

import json
import logging
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.servers.telegram_world import ApiError, TelegramWorld

log = logging.getLogger(__name__)


@dataclass
class Fault:
    kind: str
    times: int = 1
    retry_after: int = 3
    delay_s: float = 1.0


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    fault: str = ""


@dataclass
class Answer:
    method: str
    ok: bool
    result: Any = None
    body: dict[str, Any] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: "TelegramFake"

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("telegram fake: connection from %s failed", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "nginx/1.18.0"
    sys_version = ""
    timeout = 60

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request line holds the token: never write it anywhere

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        split = urlsplit(self.path)
        parts = split.path.split("/")
        body = self._read_body()
        if len(parts) != 3 or not parts[1].startswith("bot"):
            self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, method = parts[1][3:], parts[2]
        try:
            params = _params(split.query, self.headers.get("Content-Type", ""), body)
        except ValueError:
            self._reply(400, _error(ApiError(400, "Bad Request: can't parse JSON object")))
            return
        self.server.fake.handle(self, token, method, params)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _reply(self, status: int, payload: dict[str, Any]) -> None:
        self.send_raw(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json")

    def send_raw(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            self.close_connection = True  # the client gave up (e.g. its read timeout)

    def drop(self) -> None:
        self.close_connection = True


class TelegramFake:
    """The running fake at `url`: `world` to arrange what happens, `fail()` to break things,
    `calls` and `answers` to see what the client asked and got."""

    def __init__(self, world: TelegramWorld | None = None, host: str = "127.0.0.1") -> None:
        self.world = world or TelegramWorld()
        self.calls: list[Call] = []
        self.answers: list[Answer] = []
        self._faults: dict[str, deque[Fault]] = {}
        self._lock = threading.Lock()
        self._httpd = _Server((host, 0), _Handler)
        self._httpd.fake = self
        port = self._httpd.server_address[1]
        self.url = f"http://{host}:{port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="telegram-fake", daemon=True
        )
        self._thread.start()

    def __enter__(self) -> "TelegramFake":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with self.world.cond:
            self.world.closed = True
            self.world.cond.notify_all()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    def fail(
        self, method: str, kind: str, times: int = 1, *, retry_after: int = 3, delay_s: float = 1.0
    ) -> None:
        """The next `times` calls of `method` meet `kind` (see the module docstring)."""
        fault = Fault(kind, times, retry_after, delay_s)
        with self._lock:
            self._faults.setdefault(method.lower(), deque()).append(fault)

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method.lower() == method.lower()]

    def handle(self, handler: _Handler, token: str, method: str, params: dict[str, Any]) -> None:
        fault = self._take_fault(method)
        with self._lock:
            self.calls.append(Call(method, params, fault.kind if fault else ""))
        if fault is not None and fault.kind not in ("slow", "drop"):
            _answer_fault(handler, fault)
            return
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay_s)
        try:
            result = self.world.call(token, method, params)
        except ApiError as error:
            body = _error(error)
            with self._lock:
                self.answers.append(Answer(method, False, body=body))
            handler._reply(error.code, body)
            return
        with self._lock:
            self.answers.append(Answer(method, True, result))
        if fault is not None and fault.kind == "drop":
            handler.drop()
            return
        handler._reply(200, {"ok": True, "result": result})

    def _take_fault(self, method: str) -> Fault | None:
        with self._lock:
            queue = self._faults.get(method.lower())
            if not queue:
                return None
            fault = queue[0]
            fault.times -= 1
            if fault.times <= 0:
                queue.popleft()
            return fault


def _answer_fault(handler: _Handler, fault: Fault) -> None:
    if fault.kind == "429":
        error = ApiError(
            429,
            f"Too Many Requests: retry after {fault.retry_after}",
            {"retry_after": fault.retry_after},
        )
        handler._reply(429, _error(error))
    elif fault.kind == "500":
        handler._reply(500, _error(ApiError(500, "Internal Server Error")))
    elif fault.kind == "502":
        page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
        handler.send_raw(502, page, "text/html")
    elif fault.kind == "malformed":
        handler.send_raw(200, b'{"ok":true,"result":[{"update_id":', "application/json")
    elif fault.kind == "not_envelope":
        handler.send_raw(200, b'{"result":[]}', "application/json")
    else:
        raise ValueError(f"unknown fault {fault.kind!r}")


def _error(error: ApiError) -> dict[str, Any]:
    body: dict[str, Any] = {
        "ok": False,
        "error_code": error.code,
        "description": error.description,
    }
    if error.parameters:
        body["parameters"] = error.parameters
    return body


def _params(query: str, content_type: str, body: bytes) -> dict[str, Any]:
    """Telegram reads parameters from the query string and from form or JSON bodies alike;
    in forms and query strings, arrays and objects are JSON-serialised."""
    params: dict[str, Any] = {k: _maybe_json(v) for k, v in parse_qsl(query)}
    if not body:
        return params
    if content_type.startswith("application/json"):
        decoded = json.loads(body)
        if not isinstance(decoded, dict):
            raise ValueError("the JSON body is not an object")
        params.update(decoded)
    else:
        params.update({k: _maybe_json(v) for k, v in parse_qsl(body.decode())})
    return params


def _maybe_json(value: str) -> Any:
    if value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
