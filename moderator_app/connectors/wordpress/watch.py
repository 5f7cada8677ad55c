"""What an account watches: every comment on the site, or the comments of chosen posts.

Sign-in offers `ALL_COMMENTS` next to the recent posts; the chosen ids are stored under the
account's `watch` setting. With `ALL_COMMENTS` among them (the default), or no choice at
all, the whole site is watched, including posts written later.
"""

from collections.abc import Mapping
from typing import Any

ALL_COMMENTS = "all"


def watched_posts(settings: Mapping[str, Any]) -> tuple[int, ...]:
    """The post ids to restrict listing to; empty means the whole site."""
    chosen = settings.get("watch")
    if not isinstance(chosen, list | tuple) or ALL_COMMENTS in chosen:
        return ()
    ids = sorted({int(v) for v in chosen if str(v).isdigit() and int(v) > 0})
    return tuple(ids)
