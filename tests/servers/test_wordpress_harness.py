"""The real-WordPress harness itself: it fails loudly, with the fix, where it cannot run."""

import shutil

import pytest

from tests.servers import wordpress
from tests.servers.wordpress import missing_prerequisites, require_prerequisites


def test_nothing_missing_here() -> None:
    assert missing_prerequisites() == []


def test_missing_packages_fail_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(wordpress, "_sbin", lambda name: None)
    with pytest.raises(pytest.fail.Exception) as failed:
        require_prerequisites()
    message = str(failed.value)
    assert "php (php-cli)" in message
    assert "mariadbd (mariadb-server)" in message
    assert "bash tests/servers/install_wordpress.sh" in message
    assert "apt-get install" in message
