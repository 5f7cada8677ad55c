"""The engine's "comments added/changed in account A" reports, gathered between two passes to
the inbox: each id once, per account, in arrival order. Plain data, no Qt."""

from collections.abc import Sequence


class PendingChanges:
    """Engine-reported changes not yet passed on, per account, in arrival order."""

    def __init__(self) -> None:
        self._added: dict[int, dict[int, None]] = {}
        self._changed: dict[int, dict[int, None]] = {}

    def add(self, account_id: int, added: Sequence[int], changed: Sequence[int]) -> None:
        self._added.setdefault(account_id, {}).update(dict.fromkeys(added))
        self._changed.setdefault(account_id, {}).update(dict.fromkeys(changed))

    def take(self) -> list[tuple[int, list[int], list[int]]]:
        out = [
            (account_id, list(added), list(self._changed.get(account_id, {})))
            for account_id, added in self._added.items()
        ]
        self._added.clear()
        self._changed.clear()
        return out
