"""What this connector knows the inbox already holds, so a full scan returns only changes.

The knowledge is tied to cursors: what a fetch returned is staged with the cursor it
returned, and adopted only when the engine comes back with exactly that cursor, which it
does only after storing the page. Any other cursor (a failed store, a restart, a reset)
drops it, and the next scan hands out every comment again: upserts make that harmless,
where trusting unconfirmed knowledge could lose a status change.
"""

from dataclasses import dataclass, field

from moderator_app.domain import RemoteComment


@dataclass(slots=True)
class _Staged:
    cursor: str
    comments: list[RemoteComment]
    gone: set[str]
    seen: set[str]
    scan_started: bool
    scan_finished: bool


@dataclass(slots=True)
class KnownComments:
    _cursor: str | None = None
    _started: bool = False
    _comments: dict[str, RemoteComment] = field(default_factory=dict)
    _scan_seen: set[str] | None = None  # ids seen by a scan watched from its first page
    _staged: _Staged | None = None

    def resume(self, cursor: str | None) -> None:
        """Called with the cursor the engine passes to `fetch_new`."""
        staged, self._staged = self._staged, None
        if staged is not None and staged.cursor == cursor:
            self._adopt(staged)
        elif not self._started or cursor != self._cursor:
            self._comments.clear()
            self._scan_seen = None
        self._cursor = cursor
        self._started = True

    def is_news(self, comment: RemoteComment) -> bool:
        """Whether the inbox may not have `comment` as it is now."""
        return self._comments.get(comment.remote_id) != comment

    def missing_after_scan(
        self, seen_on_last_page: set[str], *, one_page: bool
    ) -> list[RemoteComment] | None:
        """Known comments a complete scan did not see (deleted for good, or moved past a page
        boundary while the scan ran); None when this scan was not watched from its start.
        `one_page`: the scan began on this very page."""
        if one_page:
            seen = seen_on_last_page
        elif self._scan_seen is None:
            return None
        else:
            seen = self._scan_seen | seen_on_last_page
        return [c for rid, c in self._comments.items() if rid not in seen]

    def stage(
        self,
        cursor: str,
        comments: list[RemoteComment],
        *,
        gone: set[str] | None = None,
        seen: set[str] | None = None,
        scan_started: bool = False,
        scan_finished: bool = False,
    ) -> None:
        self._staged = _Staged(
            cursor, comments, gone or set(), seen or set(), scan_started, scan_finished
        )

    def _adopt(self, staged: _Staged) -> None:
        if staged.scan_started:
            self._scan_seen = set()
        if self._scan_seen is not None:
            self._scan_seen |= staged.seen
        for comment in staged.comments:
            self._comments[comment.remote_id] = comment
        for remote_id in staged.gone:
            self._comments.pop(remote_id, None)
        if staged.scan_finished:
            self._scan_seen = None
