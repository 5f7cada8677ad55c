"""The moderator's ways of narrowing the inbox besides typing in the filter bar: one author, one
thread, the sort order, a comment picked in the detail pane, and everything off again. Each
keeps the comment on show selected where the new view still has it."""

from dataclasses import replace

from PySide6.QtCore import QObject

from moderator_app.domain import Comment
from moderator_app.store import SortOrder
from moderator_app.store.view_spec import ViewSpec
from moderator_app.ui.filter_state import Scope
from moderator_app.ui.window_parts import WindowParts


class FilterCommands(QObject):
    def __init__(self, parts: WindowParts) -> None:
        super().__init__(parts.window)
        self._parts = parts

    def from_filter_bar(self, changes: dict[str, object]) -> None:
        scope = self._parts.filters.scope
        if changes.get("account_id") is not None and scope.account_id is not None:
            # The sidebar's account would win over the bar's: let go of it first.
            self._parts.sidebar.select_scope(replace(scope, account_id=None))
        self._parts.filters.update(**changes)

    def jump_to_comment(self, comment_id: int) -> bool:
        """A comment from the thread or the author panel: select it if the inbox shows it,
        else show only its author (every other restriction off) and select it there."""
        if self._parts.inbox.select_comment(comment_id):
            return True
        comment = self._parts.store.comments.get(comment_id)
        if comment is None or not comment.remote.author.name:
            return False
        self.show_author(comment.remote.author.name, select=comment_id)
        if self._parts.inbox.select_comment(comment_id):
            return True
        self._parts.status.showMessage(self.tr("This comment is not in the inbox"), 5000)
        return False

    def show_author(self, name: str, select: int | None = None) -> None:
        """Every comment by `name` across all accounts, nothing else narrowing it."""
        keep = select if select is not None else self._parts.inbox.current_comment_id()
        toolbar = self._parts.toolbar
        toolbar.search.blockSignals(True)
        toolbar.search.clear()
        toolbar.search.blockSignals(False)
        toolbar.level.blockSignals(True)
        toolbar.level.setCurrentIndex(0)
        toolbar.level.blockSignals(False)
        self._parts.sidebar.select_scope(Scope())
        sort = self._parts.filters.bar_spec().sort
        self._parts.filters.set_spec_keep_scope(ViewSpec(author_name=name, sort=sort))
        if keep is None or not self._parts.inbox.select_comment(keep):
            self._parts.inbox.select_row(0)

    def only_this_author(self) -> None:
        """U: narrow to the selected comment's author (across accounts), or back."""
        comment = self._parts.detail.comment
        if self._parts.filters.bar_spec().author_name is not None:
            self._parts.filters.update(author_name=None)
        elif comment is not None and comment.remote.author.name:
            self._parts.filters.update(author_name=comment.remote.author.name)
        self._reselect(comment)

    def only_this_thread(self) -> None:
        """T: narrow to the post/video/thread of the selected comment, or back."""
        comment = self._parts.detail.comment
        if self._parts.filters.bar_spec().thread_remote_id is not None:
            self._parts.filters.update(thread_remote_id=None, thread_title="", account_id=None)
        elif comment is not None:
            self._parts.filters.update(
                account_id=comment.account_id,
                thread_remote_id=comment.remote.thread.remote_id,
                thread_title=comment.remote.thread.title,
            )
        self._reselect(comment)

    def cycle_sort(self) -> None:
        order = [SortOrder.NEWEST, SortOrder.OLDEST, SortOrder.RISK]
        current = self._parts.filters.bar_spec().sort
        comment = self._parts.detail.comment
        self._parts.filters.update(sort=order[(order.index(current) + 1) % len(order)])
        self._reselect(comment)

    def clear(self) -> None:
        self._parts.toolbar.search.clear()
        self._parts.toolbar.level.setCurrentIndex(0)
        self._parts.filters.clear()

    def _reselect(self, comment: Comment | None) -> None:
        if comment is None or not self._parts.inbox.select_comment(comment.id):
            self._parts.inbox.select_row(0)
