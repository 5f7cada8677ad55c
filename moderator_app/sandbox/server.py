"""The sandbox as a whole: its world wired to a threaded HTTP server and the comment stream."""

import ipaddress
import logging
import threading
from collections.abc import Callable
from datetime import timedelta
from types import TracebackType

from moderator_app.sandbox.admin import AdminApi
from moderator_app.sandbox.api import PlatformApi
from moderator_app.sandbox.app import SandboxApp
from moderator_app.sandbox.catalog import COMMUNITIES
from moderator_app.sandbox.faults import FaultPlan
from moderator_app.sandbox.generator import CommentGenerator
from moderator_app.sandbox.handler import Handler, HttpServer, HttpServer6
from moderator_app.sandbox.pages import Pages
from moderator_app.sandbox.ratelimit import RateLimiter
from moderator_app.sandbox.state import World
from moderator_app.sandbox.stream import CommentStream
from moderator_app.sandbox.tokens import TokenRegistry
from moderator_app.sandbox.web import Router

log = logging.getLogger(__name__)

INITIAL_SPREAD = timedelta(hours=3)


def _check_loopback(host: str) -> None:
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(
            f"the sandbox has unauthenticated admin endpoints; bind it to a loopback address, "
            f"not {host!r}"
        )


class SandboxServer:
    """A running imitation platform at `url`. Binds its port on construction.

    `interval_s <= 0` turns off background generation; tests then create comments on demand
    through `POST /_admin/generate` so every run sees the same world.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        seed: int = 7,
        initial_comments: int = 40,
        interval_s: float = 2.0,
        rate_per_s: float = 10.0,
        burst: int = 30,
    ) -> None:
        _check_loopback(host)
        if initial_comments < 0:
            raise ValueError("initial_comments must not be negative")
        self._stop_event = threading.Event()
        self._lock = threading.Lock()
        self._started = False
        self._stopped = False
        self._threads: list[threading.Thread] = []
        limiter = RateLimiter(rate_per_s, burst)  # validates before we take a port
        server_class = HttpServer6 if ":" in host else HttpServer
        self._httpd = server_class((host, port), Handler)
        try:
            bound_host, bound_port = self._httpd.server_address[:2]
            if isinstance(bound_host, bytes):
                bound_host = bound_host.decode()
            shown = f"[{bound_host}]" if ":" in bound_host else bound_host
            self._url = f"http://{shown}:{bound_port}"
            world = World(self._url, COMMUNITIES, CommentGenerator(seed, COMMUNITIES))
            if initial_comments:
                world.generate(initial_comments, spread=INITIAL_SPREAD)
            self._stream = CommentStream(world, interval_s, self._stop_event, seed)
            tokens = TokenRegistry()
            faults = FaultPlan()
            router = Router(
                [
                    *PlatformApi(world, tokens).routes(),
                    *AdminApi(world, tokens, faults, limiter, self._stream).routes(),
                    *Pages(world).routes(),
                ]
            )
            self._httpd.app = SandboxApp(router, tokens, limiter, faults, self._stop_event.wait)
        except BaseException:
            self._httpd.server_close()
            raise

    @property
    def url(self) -> str:
        return self._url

    def start(self) -> "SandboxServer":
        """Serve and generate in daemon threads; returns at once."""
        if not self._claim():
            return self
        self._spawn(self._stream.run, "sandbox-stream")
        self._spawn(lambda: self._httpd.serve_forever(poll_interval=0.05), "sandbox-http")
        log.info("sandbox: serving at %s", self._url)
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until Ctrl+C or `stop()` from another thread."""
        if not self._claim():
            raise RuntimeError("the sandbox is already running")
        self._spawn(self._stream.run, "sandbox-stream")
        log.info("sandbox: serving at %s", self._url)
        try:
            self._httpd.serve_forever(poll_interval=0.25)
        except KeyboardInterrupt:
            log.info("sandbox: interrupted, stopping")
        finally:
            self.stop()

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            started = self._started
        self._stop_event.set()
        if started:
            self._httpd.shutdown()
        self._httpd.server_close()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout=5)

    def _claim(self) -> bool:
        with self._lock:
            if self._stopped:
                raise RuntimeError("a stopped sandbox cannot be started again")
            if self._started:
                return False
            self._started = True
            return True

    def _spawn(self, target: Callable[[], object], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"SandboxServer({self._url})"
