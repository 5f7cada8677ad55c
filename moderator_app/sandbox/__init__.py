"""A local imitation of a social platform: the app's demo mode and its end-to-end test double.

It speaks HTTP + JSON like a real platform (tokens, paging, rate limits, idempotent actions,
injectable faults), so the real connector code path is exercised, never a shortcut.
"""

from moderator_app.sandbox.server import SandboxServer

__all__ = ["SandboxServer"]
