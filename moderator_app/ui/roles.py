"""Custom item roles and the inbox columns, shared by the model, its delegate and the views."""

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

_USER = int(Qt.ItemDataRole.UserRole)


class Role(IntEnum):
    """Values that are `StrEnum`s (levels, states, platforms) come back from `index.data()` as
    plain `str` (QVariant turns str subclasses into QString); compare by value."""

    COMMENT = _USER + 1  # the domain Comment
    COMMENT_ID = _USER + 2  # int
    TOXICITY = _USER + 3  # ToxicityResult | None
    LEVEL = _USER + 4  # ToxicityLevel | None
    LOCAL_STATE = _USER + 5  # LocalState
    PENDING = _USER + 6  # int: pending or sending actions
    FAILED = _USER + 7  # int: failed actions
    PLATFORM_STATE = _USER + 8  # PlatformState
    PLATFORM = _USER + 9  # Platform of the comment's account
    FADED = _USER + 10  # bool: hidden or deleted, drawn muted


class Column(IntEnum):
    TIME = 0
    PLATFORM = 1
    ACCOUNT = 2
    AUTHOR = 3
    EXCERPT = 4
    TOXICITY = 5


def plain_index(index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
    """The same cell as a plain index (what a style option holds)."""
    if isinstance(index, QModelIndex):
        return index
    model = index.model()
    return QModelIndex() if model is None else model.index(index.row(), index.column())
