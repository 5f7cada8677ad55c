"""Local persistence: one SQLite file through sqlite-utils, one connection per thread."""

from moderator_app.store.database import SchemaTooNew, StoreError
from moderator_app.store.filters import CommentFilter, SortOrder
from moderator_app.store.store import Store

__all__ = ["CommentFilter", "SchemaTooNew", "SortOrder", "Store", "StoreError"]
