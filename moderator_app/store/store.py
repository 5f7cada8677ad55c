"""The store facade: one per thread, each with its own SQLite connection."""

from pathlib import Path

from sqlite_utils import Database

from moderator_app.store.accounts import AccountRepository
from moderator_app.store.audit import AuditLog
from moderator_app.store.authors import AuthorRepository
from moderator_app.store.bulk import BulkRepository
from moderator_app.store.calibration import CalibrationRepository
from moderator_app.store.cloud_checks import CloudCheckRepository
from moderator_app.store.comments import CommentRepository
from moderator_app.store.database import connect, migrate
from moderator_app.store.escalations import EscalationRepository
from moderator_app.store.feedback import FeedbackRepository
from moderator_app.store.outbox import OutboxRepository
from moderator_app.store.settings import SettingsRepository
from moderator_app.store.views import SavedViewRepository

DB_FILENAME = "moderator.db"


class Store:
    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.audit = AuditLog(db)
        self.accounts = AccountRepository(db)
        self.comments = CommentRepository(db)
        self.outbox = OutboxRepository(db, self.audit)
        self.escalations = EscalationRepository(db, self.audit)
        self.feedback = FeedbackRepository(db, self.audit)
        self.calibrations = CalibrationRepository(db, self.audit)
        self.settings = SettingsRepository(db)
        self.cloud_checks = CloudCheckRepository(db)
        self.bulk = BulkRepository(db, self.audit)
        self.views = SavedViewRepository(db)
        self.authors = AuthorRepository(db)

    @classmethod
    def open(cls, path: Path) -> "Store":
        """Open (creating and migrating as needed). `path` is the file or a data directory."""
        path = cls.file_path(path)
        db = connect(path)
        migrate(db, path)
        return cls(db, path)

    @staticmethod
    def file_path(path: Path) -> Path:
        """The database file `open` would use for `path` (a file or a data directory)."""
        return path / DB_FILENAME if path.is_dir() or path.suffix == "" else path

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
