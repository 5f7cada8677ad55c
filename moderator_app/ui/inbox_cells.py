"""What an inbox row shows, role by role and column by column.

Painting a screen asks ~1,000 times for a cell's role: a comment's answers are built in one
go (role -> one value per column, a tuple the model and the delegates index) and kept with the
comment (`CommentCache.cells`). Tooltips are built when first asked for: painting never asks.
"""

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from moderator_app.domain import Account, Comment, LocalState, PlatformState
from moderator_app.ui import theme
from moderator_app.ui.display import (
    excerpt,
    full_time,
    level_name,
    local_state_name,
    platform_state_name,
    short_time,
)
from moderator_app.ui.roles import Column, Role

Cells = dict[int, tuple[Any, ...]]  # role -> one value per column
# Built once: looked up for every comment built.
COLUMNS = tuple(Column)
COLUMN_COUNT = len(COLUMNS)
ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_COMMENT = int(Role.COMMENT)


class InboxCells:
    """Builds a comment's cells; knows the accounts (platform and name columns)."""

    def __init__(self) -> None:
        self._accounts: dict[int, Account] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._muted = QColor(theme.MUTED)
        self._faint = QColor(theme.FAINT)

    def set_accounts(self, accounts: dict[int, Account]) -> bool:
        """Whether they differ from those known (then cells built before are out of date)."""
        if accounts == self._accounts:
            return False
        self._accounts = accounts
        return True

    def knows_account(self, account_id: int) -> bool:
        return account_id in self._accounts

    def build(self, comment: Comment) -> Cells:
        """Every role's value for the comment's row."""
        account = self._accounts.get(comment.account_id)
        row: dict[int, object] = {  # the same in every column
            Role.COMMENT: comment,
            Role.COMMENT_ID: comment.id,
            Role.TOXICITY: comment.toxicity,
            Role.LEVEL: None if comment.toxicity is None else comment.toxicity.level,
            Role.LOCAL_STATE: comment.local_state,
            Role.PENDING: comment.pending_actions,
            Role.FAILED: comment.failed_actions,
            Role.PLATFORM_STATE: comment.remote.platform_state,
            Role.PLATFORM: None if account is None else account.platform,
            Role.FADED: self._faded(comment),
        }
        return {
            _DISPLAY: tuple(self._display(comment, column) for column in COLUMNS),
            _FONT: tuple(self._font(comment, column) for column in COLUMNS),
            _FOREGROUND: tuple(self._foreground(comment, column) for column in COLUMNS),
            _ALIGNMENT: (ALIGN,) * COLUMN_COUNT,
            **{role: (value,) * COLUMN_COUNT for role, value in row.items() if value is not None},
        }

    def tooltips(self, cells: Cells) -> tuple[Any, ...]:
        """The row's tooltips, worked out when first asked for (hovering) and kept with its
        other cells."""
        found = cells.get(TOOLTIP)
        if found is None:
            comment = cells[_COMMENT][0]
            found = cells[TOOLTIP] = tuple(self._tooltip(comment, c) for c in COLUMNS)
        return found

    def _display(self, comment: Comment, column: Column) -> str:
        account = self._accounts.get(comment.account_id)
        if column is Column.TIME:
            text = short_time(comment.remote.created_at)
        elif column is Column.PLATFORM:
            text = "" if account is None else account.platform.label
        elif column is Column.ACCOUNT:
            text = "" if account is None else excerpt(account.name, 60)
        elif column is Column.AUTHOR:
            text = excerpt(comment.remote.author.name, 60)
        elif column is Column.EXCERPT:
            text = excerpt(comment.text)
        elif comment.toxicity is None:
            text = level_name(None)
        else:
            text = f"{level_name(comment.toxicity.level)} {comment.toxicity.score:.2f}"
        return text

    def _font(self, comment: Comment, column: Column) -> QFont | None:
        unread = comment.local_state is LocalState.NEW
        return self._bold if unread and column in (Column.AUTHOR, Column.EXCERPT) else None

    def _faded(self, comment: Comment) -> bool:
        gone = comment.remote.platform_state in (PlatformState.HIDDEN, PlatformState.DELETED)
        return gone or comment.local_state is LocalState.HIDDEN

    def _foreground(self, comment: Comment, column: Column) -> QColor | None:
        if self._faded(comment):
            return self._faint
        if column in (Column.TIME, Column.PLATFORM, Column.ACCOUNT):
            return self._muted
        return None

    def _tooltip(self, comment: Comment, column: Column) -> str | None:
        # Never comment text or author names here: tooltips may render rich text.
        if column is Column.TIME:
            return full_time(comment.remote.created_at)
        if column is Column.PLATFORM:
            account = self._accounts.get(comment.account_id)
            return None if account is None else account.platform.label
        if column is Column.TOXICITY:
            return self._state_summary(comment)
        return None

    def _state_summary(self, comment: Comment) -> str:
        """The toxicity cell's markers in words (our own strings only)."""
        parts = [self._display(comment, Column.TOXICITY)]
        if comment.local_state is not LocalState.NEW:
            parts.append(local_state_name(comment.local_state))
        if comment.remote.platform_state is not PlatformState.VISIBLE:
            parts.append(platform_state_name(comment.remote.platform_state))
        if comment.pending_actions:
            # The model's own strings once: the catalogue keeps them under its name.
            queued = QCoreApplication.translate("InboxModel", "actions queued: %1")
            parts.append(queued.replace("%1", str(comment.pending_actions)))
        if comment.failed_actions:
            failed = QCoreApplication.translate("InboxModel", "actions failed: %1")
            parts.append(failed.replace("%1", str(comment.failed_actions)))
        return " · ".join(parts)
