"""`run_app` end to end with a fake engine: the screenshot path and its timeout."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from moderator_app.domain import Account
from moderator_app.store import Store
from moderator_app.ui.app import run_app
from moderator_app.ui.engine_bridge import OnEvent
from tests.ui.helpers import FakeEngine, ingest, remote, verdict


@pytest.fixture(autouse=True)
def restore_look(qapp: QApplication) -> Iterator[None]:
    """run_app styles the shared QApplication; put it back for the other tests."""
    palette, sheet, font = qapp.palette(), qapp.styleSheet(), qapp.font()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.fixture
def scored(store: Store, account: Account) -> Path:
    assert account.id is not None
    ids = ingest(store, account.id, [remote(n, f"comment {n} you idiot") for n in range(12)])
    store.comments.set_toxicity(
        [
            (cid, verdict(0.9 if n == 4 else 0.1, [(12, 17)] if n == 4 else []))
            for n, cid in enumerate(ids)
        ]
    )
    assert store.path is not None
    return store.path


def test_screenshot_of_a_flagged_comment(qapp: QApplication, scored: Path, tmp_path: Path) -> None:
    engine = FakeEngine()
    shot = tmp_path / "out" / "shot.png"
    code = run_app(
        scored, engine=lambda _on_event: engine, screenshot=shot, screenshot_timeout_s=10
    )
    assert code == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1400, 860)
    assert (engine.started, engine.stopped) == (1, 1)


def test_factory_gets_the_bridge_handler(qapp: QApplication, scored: Path, tmp_path: Path) -> None:
    made: list[FakeEngine] = []

    def factory(on_event: OnEvent) -> FakeEngine:
        made.append(FakeEngine(on_event))
        return made[-1]

    code = run_app(scored, engine=factory, screenshot=tmp_path / "s.png", screenshot_timeout_s=10)
    assert code == 0
    assert made[0].on_event is not None
    assert (made[0].started, made[0].stopped) == (1, 1)


def test_nothing_arrives_within_the_timeout(
    qapp: QApplication, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert store.path is not None
    code = run_app(
        store.path,
        engine=lambda _on_event: FakeEngine(),
        screenshot=tmp_path / "s.png",
        screenshot_timeout_s=0.3,
    )
    assert code == 1
    assert "no scored comments" in capsys.readouterr().err
    assert not (tmp_path / "s.png").exists()


def test_the_demo_end_to_end_with_the_engine_in_its_own_process(tmp_path: Path) -> None:
    """What the README's start command runs: the real sandbox, engine and writer processes,
    and the window, which takes its own screenshot once comments are shown."""
    shot = tmp_path / "demo.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    data = tmp_path / "d"
    command = [sys.executable, "-m", "moderator_app", "--verbose", "--data-dir", str(data)]
    done = subprocess.run(
        [*command, "--demo", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000
    assert "the engine runs in process" in done.stderr
    assert "comments are written by process" in done.stderr
