"""The bottom line: how each account's sync is doing, and how many actions are still on their
way or have failed. Fed by the bridge's `accountStatusChanged` and by outbox counts."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStatusBar, QWidget

from moderator_app.domain import Account, AccountStatus, ActionStatus, Attention, SyncState
from moderator_app.store import Store
from moderator_app.ui.display import excerpt, short_time, to_local
from moderator_app.ui.labels import plain_label

MAX_ACCOUNTS_SHOWN = 4

_STATE_OBJECT = {
    SyncState.OK: "syncOk",
    SyncState.IDLE: "syncIdle",
    SyncState.SYNCING: "syncBusy",
    SyncState.BACKING_OFF: "syncWarn",
    SyncState.RATE_LIMITED: "syncWarn",
    SyncState.NEEDS_SIGN_IN: "syncError",
    SyncState.NEEDS_ATTENTION: "syncWarn",
    SyncState.ERROR: "syncError",
}
_SEVERITY = {
    SyncState.ERROR: 5,
    SyncState.NEEDS_SIGN_IN: 4,
    SyncState.NEEDS_ATTENTION: 4,
    SyncState.RATE_LIMITED: 3,
    SyncState.BACKING_OFF: 2,
    SyncState.SYNCING: 1,
    SyncState.OK: 0,
    SyncState.IDLE: 0,
}


class AccountStatusLabel(QWidget):
    """A coloured dot and a short text for one account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dot = plain_label("●", "syncIdle")
        self.text = plain_label("", "syncText")
        self.detail = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)
        layout.addWidget(self.dot)
        layout.addWidget(self.text)

    def set_status(self, name: str, summary: str, state: SyncState, detail: str) -> None:
        self.dot.setObjectName(_STATE_OBJECT[state])
        self.dot.style().unpolish(self.dot)
        self.dot.style().polish(self.dot)
        self.text.setText(f"{name} — {summary}")
        self.detail = detail


class SyncStatusBar(QStatusBar):
    attentionRequested = Signal(int, object)  # account_id, domain.Attention

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setSizeGripEnabled(False)
        self._store = store
        self._accounts: dict[int, Account] = {}
        self._statuses: dict[int, AccountStatus] = {}
        self._labels: list[AccountStatusLabel] = []
        self._accounts_box = QWidget(self)
        self._accounts_layout = QHBoxLayout(self._accounts_box)
        self._accounts_layout.setContentsMargins(8, 0, 0, 0)
        self._accounts_layout.setSpacing(18)
        self.more = plain_label("", "syncText")
        self._accounts_layout.addWidget(self.more)
        self._accounts_layout.addStretch(1)
        self.action_counts = plain_label("", "actionCounts")
        self.action_counts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.attention_button = QPushButton(self)
        self.attention_button.setObjectName("attentionButton")
        self.attention_button.hide()
        self.attention_button.clicked.connect(self._attention_clicked)
        self._attention: tuple[int, Attention] | None = None
        self.addWidget(self._accounts_box, 1)
        self.addPermanentWidget(self.attention_button)
        self.addPermanentWidget(self.action_counts)
        self.reload_accounts()
        self.refresh_actions()

    def reload_accounts(self) -> None:
        self._accounts = {a.id: a for a in self._store.accounts.list() if a.id is not None}
        self._render_accounts()

    def set_account_status(self, status: AccountStatus) -> None:
        self._statuses[status.account_id] = status
        if status.account_id not in self._accounts:
            self.reload_accounts()
        else:
            self._render_accounts()

    def refresh_actions(self) -> None:
        counts = self._store.outbox.counts()
        pending = counts[ActionStatus.PENDING] + counts[ActionStatus.SENDING]
        failed = counts[ActionStatus.FAILED]
        parts = [self.tr("%n pending", "", pending)]
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        self.action_counts.setText(" · ".join(parts))
        self.action_counts.setObjectName("actionCountsFailed" if failed else "actionCounts")
        self.action_counts.style().unpolish(self.action_counts)
        self.action_counts.style().polish(self.action_counts)

    def account_text(self, account_id: int) -> str:
        """What the bar says about one account (used by tests and tooltips)."""
        account = self._accounts.get(account_id)
        status = self._statuses.get(account_id)
        name = account.name if account else str(account_id)
        return f"{name} — {self._summary(status)}"

    def _render_accounts(self) -> None:
        ordered = sorted(
            self._accounts.values(),
            key=lambda a: -_SEVERITY[self._state(a.id)],
        )
        while len(self._labels) < min(len(ordered), MAX_ACCOUNTS_SHOWN):
            label = AccountStatusLabel(self._accounts_box)
            self._accounts_layout.insertWidget(len(self._labels), label)
            self._labels.append(label)
        for label, account in zip(self._labels, ordered, strict=False):
            assert account.id is not None
            status = self._statuses.get(account.id)
            label.set_status(
                account.name, self._summary(status), self._state(account.id), self._detail(status)
            )
            label.show()
        for label in self._labels[len(ordered) :]:
            label.hide()
        self._render_attention(ordered)
        hidden = len(ordered) - MAX_ACCOUNTS_SHOWN
        if hidden > 0:
            self.more.setText(self.tr("+%n more", "", hidden))
        self.more.setVisible(hidden > 0)

    def _render_attention(self, accounts: list[Account]) -> None:
        """One button for the first account that needs the moderator (a captcha to solve)."""
        self._attention = None
        for account in accounts:
            status = self._statuses.get(account.id or 0)
            if status is not None and status.attention is not None and account.id is not None:
                self._attention = (account.id, status.attention)
                label = (
                    self.tr("Solve the captcha for %1…")
                    if status.attention.kind == "captcha"
                    else self.tr("%1 needs your attention…")
                )
                self.attention_button.setText(label.replace("%1", account.name))
                break
        self.attention_button.setVisible(self._attention is not None)

    def _attention_clicked(self) -> None:
        if self._attention is not None:
            self.attentionRequested.emit(*self._attention)

    def _state(self, account_id: int | None) -> SyncState:
        status = None if account_id is None else self._statuses.get(account_id)
        return SyncState.IDLE if status is None else status.state

    def _summary(self, status: AccountStatus | None) -> str:
        if status is None:
            return self.tr("waiting")
        state = status.state
        simple = {
            SyncState.SYNCING: self.tr("syncing…"),
            SyncState.IDLE: self.tr("idle"),
            SyncState.NEEDS_SIGN_IN: self.tr("needs sign-in"),
            SyncState.NEEDS_ATTENTION: self.tr("needs your attention"),
            SyncState.RATE_LIMITED: self.tr("rate limited"),
            SyncState.BACKING_OFF: self.tr("backing off"),
        }
        if state is SyncState.OK:
            text = self.tr("up to date")
            if status.last_sync_at is not None:
                text = self.tr("synced %1").replace("%1", short_time(status.last_sync_at))
        elif state is SyncState.ERROR:
            message = excerpt(status.message, 60) if status.message else self.tr("unknown")
            text = self.tr("error: %1").replace("%1", message)
        else:
            text = simple[state]
            if state in (SyncState.RATE_LIMITED, SyncState.BACKING_OFF) and status.retry_at:
                when = to_local(status.retry_at).time().toString("HH:mm")
                text = self.tr("%1, retry at %2").replace("%1", text).replace("%2", when)
        return text

    def _detail(self, status: AccountStatus | None) -> str:
        if status is None:
            return ""
        return status.message
