"""Where the app keeps its data and finds its bundled resources."""

import sys
from pathlib import Path

from platformdirs import user_data_path

from moderator_app import APP_ID


def default_data_dir() -> Path:
    return user_data_path(APP_ID, appauthor=False)


def demo_data_dir() -> Path:
    """A data dir of its own, so demo comments never mix with real accounts."""
    return user_data_path(APP_ID, appauthor=False) / "demo"


def resources_dir() -> Path:
    """`resources/` beside the package in a checkout, or inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / APP_ID / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
