"""What the engine's threads would otherwise do for the first time during a raid, done once on
the thread that builds the engine (in the app: before the window shows).

Each first time holds the GIL for tens of milliseconds, and the window cannot paint meanwhile:
loading the CA store into a TLS context (~60 ms), and importing modules (PySide's import hook
reads the source of every module imported after Qt is loaded: ~50 ms per burst). Measured
with the ingest benchmark's stall probe: the worst GUI stalls of a raid's first seconds were
these.
"""

import contextlib
import importlib
import os

from moderator_app.connectors.http import tls_context
from moderator_app.connectors.registry import supported_platforms

# Imported by httpx on its first request, and by multiprocessing when the writer process
# starts. Their absence (another platform, another httpx) only costs the warm-up.
_FIRST_USE_MODULES = (
    "httpcore",
    "h11",
    "anyio",
    "httpcore._backends.anyio",
    "multiprocessing.heap",
    "multiprocessing.sharedctypes",
    "multiprocessing.spawn",
    "multiprocessing.resource_tracker",
    "multiprocessing.popen_spawn_win32" if os.name == "nt" else "multiprocessing.popen_spawn_posix",
)


def warm_up() -> None:
    tls_context()
    for name in _FIRST_USE_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    supported_platforms()  # imports every connector module
