"""The main window's keyboard map, in one place: what each key does and how the shortcut list
describes it, grouped as a help screen would group them."""

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from moderator_app.ui.shortcuts import Binding

if TYPE_CHECKING:
    from moderator_app.ui.main_window import MainWindow


# lupdate finds the strings of `translate("Context", "text")` calls (not of a helper's).
translate = QCoreApplication.translate


def window_bindings(window: "MainWindow") -> list[Binding]:
    return [*_moving(window), *_verdicts(window), *_narrowing(window), *_saved_views(window)]


def _moving(window: "MainWindow") -> list[Binding]:
    return [
        Binding(
            ("J",), lambda: window.inbox.move_selection(1), translate("WindowKeys", "Next comment")
        ),
        Binding(
            ("K",),
            lambda: window.inbox.move_selection(-1),
            translate("WindowKeys", "Previous comment"),
        ),
        Binding(("N",), window.next_unreviewed, translate("WindowKeys", "Next unreviewed comment")),
        Binding(("F",), window.filter_bar.focus_first, translate("WindowKeys", "Filters")),
        Binding(("/",), window.toolbar.focus_search, translate("WindowKeys", "Search")),
        Binding(("Esc",), window.escape, translate("WindowKeys", "Back to the list")),
    ]


def _verdicts(window: "MainWindow") -> list[Binding]:
    return [
        Binding(("R",), window.composer.focus_editor, translate("WindowKeys", "Reply")),
        Binding(("H",), window.toggle_hidden, translate("WindowKeys", "Hide or unhide")),
        Binding(("E",), window.escalate, translate("WindowKeys", "Escalate")),
        Binding(("A",), window.approve, translate("WindowKeys", "Approve")),
        Binding(("Shift+D",), window.delete, translate("WindowKeys", "Delete")),
        Binding(("Ctrl+Z",), window.undo, translate("WindowKeys", "Undo the last action")),
    ]


def _narrowing(window: "MainWindow") -> list[Binding]:
    return [
        Binding(("U",), window.only_this_author, translate("WindowKeys", "Only this author")),
        Binding(("T",), window.only_this_thread, translate("WindowKeys", "Only this thread")),
        Binding(("S",), window.cycle_sort, translate("WindowKeys", "Sort: newest, oldest, risk")),
        Binding(
            ("Ctrl+Shift+F",), window.clear_filters, translate("WindowKeys", "Clear all filters")
        ),
        Binding(
            ("Ctrl+Shift+A",),
            window._select_score_range,
            translate("WindowKeys", "Select score range…"),
        ),
    ]


def _saved_views(window: "MainWindow") -> list[Binding]:
    return [
        Binding(("Ctrl+S",), window.save_view, translate("WindowKeys", "Save the view")),
        Binding(("F2",), window.rename_view, translate("WindowKeys", "Rename the saved view")),
        Binding(
            ("Ctrl+Shift+Backspace",),
            window.delete_view,
            translate("WindowKeys", "Delete the saved view"),
        ),
        *[
            Binding(
                (f"Ctrl+{n}",),
                partial(window.open_saved_view, n - 1),
                translate("WindowKeys", "Saved view %1").replace("%1", str(n)),
            )
            for n in range(1, 10)
        ],
    ]
