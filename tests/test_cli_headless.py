"""The headless commands end to end, each a real process against a real sandbox."""

from pathlib import Path

import httpx
import pytest

from moderator_app.sandbox import SandboxServer
from tests.cli_runner import Cli


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path, tmp_path / "data-a")


@pytest.fixture
def connected(cli: Cli, sandbox: SandboxServer) -> Cli:
    out = cli.run("accounts", "add", "sandbox", "--url", sandbox.url, "--name", "Sandbox").stdout
    assert "Added" in out
    cli.run("sync", "--once")
    return cli


def test_sync_lists_scored_comments(connected: Cli) -> None:
    comments = connected.comments()
    assert len(comments) == 40
    assert all(c["toxicity"] is not None for c in comments)
    assert {c["toxicity"]["level"] for c in comments} >= {"ok", "toxic"}
    assert any(c["text"] != c["text"].encode("ascii", "ignore").decode() for c in comments)
    toxic = connected.comments("--min-level", "toxic")
    assert toxic
    assert all(c["toxicity"]["level"] == "toxic" for c in toxic)
    listed = connected.run("accounts", "list").stdout
    assert "Sandbox" in listed


def test_hide_and_reply_seen_by_a_second_data_dir(
    connected: Cli, sandbox: SandboxServer, tmp_path: Path, admin: httpx.Client
) -> None:
    first, second = connected.comments()[:2]
    connected.run("hide", str(first["id"]))
    connected.run("reply", str(second["id"]), "Thanks for the feedback! / Спасибо!")
    [hidden] = [c for c in connected.comments() if c["id"] == first["id"]]
    assert hidden["hidden"] is True
    assert hidden["local_state"] == "hidden"

    other = Cli(tmp_path, tmp_path / "data-b")
    other.run("accounts", "add", "sandbox", "--url", sandbox.url, "--name", "Colleague")
    other.run("sync", "--once")
    seen = {c["remote_id"]: c for c in other.comments()}
    assert seen[first["remote_id"]]["hidden"] is True
    replies = [c for c in seen.values() if c["parent_remote_id"] == second["remote_id"]]
    assert [r["text"] for r in replies] == ["Thanks for the feedback! / Спасибо!"]
    assert replies[0]["thread"]["id"] == second["thread"]["id"]


def test_escalate_records_the_note(connected: Cli) -> None:
    target = connected.comments()[0]
    out = connected.run("escalate", str(target["id"]), "--note", "угрозы, нужен юрист").stdout
    assert "Escalated" in out
    [after] = [c for c in connected.comments() if c["id"] == target["id"]]
    assert after["local_state"] == "escalated"


def test_queued_with_no_send_is_sent_by_the_next_process(
    connected: Cli, admin: httpx.Client
) -> None:
    target = connected.comments()[0]
    connected.run("hide", str(target["id"]), "--no-send")
    assert admin.get(f"/_admin/comments/{target['remote_id']}").json()["hidden"] is False
    [queued] = [c for c in connected.comments() if c["id"] == target["id"]]
    assert queued["pending_actions"] == 1
    connected.run("sync", "--once")
    assert admin.get(f"/_admin/comments/{target['remote_id']}").json()["hidden"] is True


def test_clear_errors(cli: Cli, sandbox: SandboxServer) -> None:
    missing = cli.run("hide", "12345", check=False)
    assert missing.returncode == 1
    assert "no comment with id 12345" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_keyring = cli.env | {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    cli.env = no_keyring
    failed = cli.run("accounts", "add", "sandbox", "--url", sandbox.url, "--name", "x", check=False)
    assert failed.returncode == 1
    assert "keyring" in failed.stderr.lower()
    assert "Traceback" not in failed.stderr
    listed = cli.run("accounts", "list", "--json").stdout
    assert listed.strip() == "[]"  # nothing half-saved


def test_score_prints_json_lines(cli: Cli) -> None:
    import json

    out = cli.run("score", input="Спасибо за статью!\nты дуpaк\nyou are an idiot\n").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    assert set(rows[0]) >= {"score", "level", "spans", "scorer"}
    assert rows[0]["level"] == "ok"
    assert rows[1]["level"] != "ok"
    assert rows[1]["spans"]
    assert rows[2]["level"] != "ok"


def test_sign_in_fields_are_asked_for_clearly(cli: Cli, sandbox: SandboxServer) -> None:
    missing = cli.run("accounts", "add", "sandbox", check=False)
    assert missing.returncode == 1
    assert "Sandbox URL is needed" in missing.stderr
    unknown = cli.run(
        "accounts", "add", "sandbox", "--url", sandbox.url, "--watch", "nope", check=False
    )
    assert unknown.returncode == 1
    assert "sign-in offers" in unknown.stderr
    out = cli.run("accounts", "add", "sandbox", "--set", f"url={sandbox.url}").stdout
    assert "Added Sandbox account 'Sandbox moderator'" in out
    assert "watching" in out


def test_actions_a_platform_cannot_do_are_refused(connected: Cli) -> None:
    target = connected.comments()[0]
    refused = connected.run("delete", str(target["id"]), check=False)
    assert refused.returncode == 1
    assert "does not allow delete" in refused.stderr
    assert "hide" in refused.stderr


def test_remove_forgets_the_account_and_its_comments(connected: Cli) -> None:
    out = connected.run("accounts", "remove", "Sandbox").stdout
    assert "Removed account 'Sandbox'" in out
    assert connected.run("accounts", "list", "--json").stdout.strip() == "[]"
    assert connected.comments() == []
