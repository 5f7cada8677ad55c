"""The words of a bulk confirmation: exactly how many comments on which platforms will be
touched, and which are skipped and why. Plain text, built from a `BulkPlan`."""

from PySide6.QtCore import QCoreApplication, QLocale

from moderator_app.domain import Platform
from moderator_app.store.bulk import BulkKind, BulkPlan, SkipReason


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("BulkText", text, None, n)


def number(n: int) -> str:
    return QLocale().toString(n)


def kind_verb(kind: BulkKind) -> str:
    verbs = {
        BulkKind.HIDE: _tr("Hide"),
        BulkKind.APPROVE: _tr("Approve"),
        BulkKind.ESCALATE: _tr("Escalate"),
        BulkKind.DELETE: _tr("Delete"),
    }
    return verbs[kind]


def _reason(kind: BulkKind, reason: SkipReason, platform: Platform) -> str:
    if reason is SkipReason.PLATFORM:
        cannot = {
            BulkKind.HIDE: _tr("%1 cannot hide comments"),
            BulkKind.DELETE: _tr("%1 cannot delete comments"),
        }
        return cannot.get(kind, _tr("%1 cannot do this")).replace("%1", platform.label)
    texts = {
        SkipReason.ALREADY: {
            BulkKind.HIDE: _tr("already hidden"),
            BulkKind.APPROVE: _tr("already reviewed"),
            BulkKind.ESCALATE: _tr("already escalated"),
        }.get(kind, _tr("already done")),
        SkipReason.HIDDEN: _tr("hidden: unhide them instead"),
        SkipReason.DELETED: _tr("deleted on the platform"),
        SkipReason.OWN: _tr("your own replies"),
    }
    return texts[reason]


def by_platform(counts: dict[Platform, int]) -> str:
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].label))
    return ", ".join(
        _tr("%1 on %2").replace("%1", number(n)).replace("%2", p.label) for p, n in ordered
    )


def describe(plan: BulkPlan) -> str:
    """E.g. "Hide 1,234 comments: 1,000 on VK, 234 on WordPress.
    Skipped 50: 50 on Telegram (Telegram cannot hide comments)." """
    lines = []
    if plan.total:
        head = (
            _tr("%1 1 comment") if plan.total == 1 else _tr("%1 %Ln comments", plan.total)
        ).replace("%1", kind_verb(plan.kind))
        lines.append(head + ": " + by_platform(plan.eligible) + ".")
    else:
        lines.append(_tr("None of the selected comments can be changed this way."))
    if plan.skipped:
        parts = [
            _tr("%1 on %2 (%3)")
            .replace("%1", number(n))
            .replace("%2", platform.label)
            .replace("%3", _reason(plan.kind, reason, platform))
            for (platform, reason), n in sorted(
                plan.skipped.items(), key=lambda item: (-item[1], item[0][0].label)
            )
        ]
        lines.append(
            _tr("Skipped %1: ").replace("%1", number(plan.skipped_total)) + "; ".join(parts) + "."
        )
    if plan.kind is BulkKind.DELETE and plan.total:
        lines.append(_tr("Deleting cannot be undone on the platforms."))
    return "\n".join(lines)
