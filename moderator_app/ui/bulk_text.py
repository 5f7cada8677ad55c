"""The words of a bulk confirmation: exactly how many comments on which platforms will be
touched, and which are skipped and why. Plain text, built from a `BulkPlan`."""

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from moderator_app.domain import Platform
from moderator_app.store.bulk import BulkKind, BulkPlan, SkipReason


class _Counted(QObject):
    """Only for `self.tr(..., n)`: lupdate sees plural forms there, not in `translate()`."""

    def comments(self, n: int) -> str:
        return self.tr("%1 %Ln comments", "", n)


def number(n: int) -> str:
    return QLocale().toString(n)


def kind_verb(kind: BulkKind) -> str:
    verbs = {
        BulkKind.HIDE: QCoreApplication.translate("BulkText", "Hide"),
        BulkKind.APPROVE: QCoreApplication.translate("BulkText", "Approve"),
        BulkKind.ESCALATE: QCoreApplication.translate("BulkText", "Escalate"),
        BulkKind.DELETE: QCoreApplication.translate("BulkText", "Delete"),
    }
    return verbs[kind]


def _reason(kind: BulkKind, reason: SkipReason, platform: Platform) -> str:
    if reason is SkipReason.PLATFORM:
        cannot = {
            BulkKind.HIDE: QCoreApplication.translate("BulkText", "%1 cannot hide comments"),
            BulkKind.DELETE: QCoreApplication.translate("BulkText", "%1 cannot delete comments"),
        }
        return cannot.get(
            kind, QCoreApplication.translate("BulkText", "%1 cannot do this")
        ).replace("%1", platform.label)
    texts = {
        SkipReason.ALREADY: {
            BulkKind.HIDE: QCoreApplication.translate("BulkText", "already hidden"),
            BulkKind.APPROVE: QCoreApplication.translate("BulkText", "already reviewed"),
            BulkKind.ESCALATE: QCoreApplication.translate("BulkText", "already escalated"),
        }.get(kind, QCoreApplication.translate("BulkText", "already done")),
        SkipReason.HIDDEN: QCoreApplication.translate("BulkText", "hidden: unhide them instead"),
        SkipReason.DELETED: QCoreApplication.translate("BulkText", "deleted on the platform"),
        SkipReason.OWN: QCoreApplication.translate("BulkText", "your own replies"),
    }
    return texts[reason]


def by_platform(counts: dict[Platform, int]) -> str:
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].label))
    return ", ".join(
        QCoreApplication.translate("BulkText", "%1 on %2")
        .replace("%1", number(n))
        .replace("%2", p.label)
        for p, n in ordered
    )


def describe(plan: BulkPlan) -> str:
    """E.g. "Hide 1,234 comments: 1,000 on VK, 234 on WordPress.
    Skipped 50: 50 on Telegram (Telegram cannot hide comments)." """
    lines = []
    if plan.total:
        many = _Counted().comments(plan.total)
        one = QCoreApplication.translate("BulkText", "%1 1 comment")
        head = (one if plan.total == 1 else many).replace("%1", kind_verb(plan.kind))
        lines.append(head + ": " + by_platform(plan.eligible) + ".")
    else:
        lines.append(
            QCoreApplication.translate(
                "BulkText", "None of the selected comments can be changed this way."
            )
        )
    if plan.skipped:
        parts = [
            QCoreApplication.translate("BulkText", "%1 on %2 (%3)")
            .replace("%1", number(n))
            .replace("%2", platform.label)
            .replace("%3", _reason(plan.kind, reason, platform))
            for (platform, reason), n in sorted(
                plan.skipped.items(), key=lambda item: (-item[1], item[0][0].label)
            )
        ]
        lines.append(
            QCoreApplication.translate("BulkText", "Skipped %1: ").replace(
                "%1", number(plan.skipped_total)
            )
            + "; ".join(parts)
            + "."
        )
    if plan.kind is BulkKind.DELETE and plan.total:
        lines.append(
            QCoreApplication.translate("BulkText", "Deleting cannot be undone on the platforms.")
        )
    return "\n".join(lines)
