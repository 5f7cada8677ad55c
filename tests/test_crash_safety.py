"""A process killed between queueing and confirming an action: the next run sends it once."""

import signal
import sqlite3
import time
from pathlib import Path

import httpx

from moderator_app.sandbox import SandboxServer
from tests.cli_runner import Cli


def outbox_statuses(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT status FROM outbox ORDER BY id")]


def test_killed_mid_send_is_sent_exactly_once(
    tmp_path: Path, sandbox: SandboxServer, admin: httpx.Client
) -> None:
    cli = Cli(tmp_path, tmp_path / "data")
    cli.run("accounts", "add", "sandbox", "--url", sandbox.url, "--name", "s")
    cli.run("sync", "--once")
    first, second = cli.comments()[:2]
    cli.run("reply", str(first["id"]), "один ответ", "--no-send")
    cli.run("hide", str(second["id"]), "--no-send")

    # The platform carries the requests out but answers late: the sender dies before it
    # learns they succeeded, which is the worst moment for a crash.
    admin.post(
        "/_admin/faults", json={"path_prefix": "/api/v1/comments", "kind": "timeout", "times": 1}
    ).raise_for_status()
    sender = cli.start("sync", "--once")
    db = cli.data_dir / "moderator.db"
    deadline = time.monotonic() + 30
    while "sending" not in outbox_statuses(db):
        assert time.monotonic() < deadline, "the sender never started sending"
        assert sender.poll() is None, sender.communicate()
        time.sleep(0.02)
    time.sleep(0.3)  # the request is on the wire
    sender.send_signal(signal.SIGKILL)
    sender.wait(10)
    assert "sending" in outbox_statuses(db)
    time.sleep(5.5)  # the platform finishes applying the request nobody waits for

    cli.run("sync", "--once")
    assert outbox_statuses(db) == ["done", "done"]
    state = admin.get("/_admin/state").json()
    kinds = sorted(a["kind"] for a in state["actions"])
    assert kinds == ["hide", "reply"]
    replies = admin.get(f"/_admin/comments/{first['remote_id']}").json()["replies"]
    assert [r["text"] for r in replies] == ["один ответ"]
    assert admin.get(f"/_admin/comments/{second['remote_id']}").json()["hidden"] is True


def test_killed_at_random_moments_never_loses_or_doubles(
    tmp_path: Path, sandbox: SandboxServer, admin: httpx.Client
) -> None:
    cli = Cli(tmp_path, tmp_path / "data")
    cli.run("accounts", "add", "sandbox", "--url", sandbox.url, "--name", "s")
    cli.run("sync", "--once")
    targets = cli.comments()[:6]
    for n, target in enumerate(targets):
        cli.run("reply", str(target["id"]), f"reply {n}", "--no-send")
    for delay in (0.2, 0.5, 0.8, 1.1):
        sender = cli.start("sync", "--once")
        time.sleep(delay)
        sender.send_signal(signal.SIGKILL)
        sender.wait(10)
    cli.run("sync", "--once")
    for n, target in enumerate(targets):
        replies = admin.get(f"/_admin/comments/{target['remote_id']}").json()["replies"]
        assert [r["text"] for r in replies] == [f"reply {n}"]
