"""The server's life: start, background stream, stop, serve_forever, loopback only."""

import threading
import time

import httpx
import pytest

from moderator_app.sandbox import SandboxServer


def _count(url: str) -> int:
    return len(httpx.get(f"{url}/_admin/state", timeout=5).json()["comments"])


def test_background_stream_publishes_and_can_be_paused() -> None:
    with SandboxServer(initial_comments=3, interval_s=0.05) as server:
        deadline = time.monotonic() + 5
        while _count(server.url) < 8 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _count(server.url) >= 8
        httpx.post(f"{server.url}/_admin/config", json={"interval_s": 0}, timeout=5)
        time.sleep(0.3)
        paused = _count(server.url)
        time.sleep(0.4)
        assert _count(server.url) == paused


def test_start_is_idempotent_and_stop_frees_the_port() -> None:
    server = SandboxServer(initial_comments=0, interval_s=0)
    assert server.start() is server
    assert server.start() is server
    assert httpx.get(f"{server.url}/_admin/state", timeout=5).json()["comments"] == []
    server.stop()
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/_admin/state", timeout=1)
    with pytest.raises(RuntimeError):
        server.start()


def test_serve_forever_returns_when_stopped() -> None:
    server = SandboxServer(initial_comments=1, interval_s=0)
    runner = threading.Thread(target=server.serve_forever)
    runner.start()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            if httpx.get(server.url + "/", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.05)
    server.stop()
    runner.join(timeout=5)
    assert not runner.is_alive()


def test_stop_does_not_wait_for_a_slow_fault() -> None:
    with SandboxServer(initial_comments=0, interval_s=0) as server:
        fault = {"path_prefix": "/api/v1/token", "kind": "timeout"}
        httpx.post(f"{server.url}/_admin/faults", json=fault, timeout=5)
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(f"{server.url}/api/v1/token", json={}, timeout=0.2)
        started = time.monotonic()
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.com"])
def test_refuses_to_bind_beyond_loopback(host: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        SandboxServer(host)
