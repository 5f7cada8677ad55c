"""Access tokens the sandbox has issued, so it can refuse unknown or revoked ones with a 401."""

import secrets
import threading


class TokenRegistry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._active: dict[str, str] = {}  # token -> client name

    def issue(self, client: str) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._active[token] = client
        return token

    def is_valid(self, token: str) -> bool:
        with self._lock:
            return token in self._active

    def revoke_all(self) -> int:
        """Expire every token at once, as a password change on the platform would."""
        with self._lock:
            count = len(self._active)
            self._active.clear()
            return count

    def active_count(self) -> int:
        with self._lock:
            return len(self._active)
