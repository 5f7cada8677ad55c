"""Run `python -m moderator_app` as a real separate process, as a user would.

Separate processes cannot share an in-memory keyring, so these runs use keyrings.alt's
file backend in a temporary folder, chosen through keyring's own PYTHON_KEYRING_BACKEND.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


class Cli:
    def __init__(self, home: Path, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.env = {
            **os.environ,
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(home / "xdg-data"),
            "QT_QPA_PLATFORM": "offscreen",
        }

    def args(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "moderator_app", *args, "--data-dir", str(self.data_dir)]

    def run(
        self, *args: str, input: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            self.args(*args),
            env=self.env,
            input=input,
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"{args} exited {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
            )
        return done

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.args(*args),
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def comments(self, *args: str) -> list[dict[str, Any]]:
        return list(json.loads(self.run("comments", "--json", "--limit", "1000", *args).stdout))
