"""The main window's widgets and services, handed as one to the objects that carry out its
commands (triage, bulk actions, filters, saved views, refreshing): each takes what it needs."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from moderator_app.store import Store
from moderator_app.ui.action_bar import ActionBar
from moderator_app.ui.background import BackgroundReader
from moderator_app.ui.composer import Composer
from moderator_app.ui.detail_pane import DetailPane
from moderator_app.ui.filter_bar import FilterBar
from moderator_app.ui.filter_state import FilterState
from moderator_app.ui.inbox_model import InboxModel
from moderator_app.ui.inbox_toolbar import InboxToolbar
from moderator_app.ui.inbox_view import InboxView
from moderator_app.ui.moderation import ModerationActions
from moderator_app.ui.sidebar import Sidebar
from moderator_app.ui.status_bar import SyncStatusBar


@dataclass(frozen=True, slots=True)
class WindowParts:
    window: QWidget  # parent of the dialogs the commands open
    store: Store
    filters: FilterState
    moderation: ModerationActions
    reader: BackgroundReader
    model: InboxModel
    inbox: InboxView
    sidebar: Sidebar
    toolbar: InboxToolbar
    filter_bar: FilterBar
    detail: DetailPane
    action_bar: ActionBar
    composer: Composer
    status: SyncStatusBar
    focus_inbox: Callable[[], None]
