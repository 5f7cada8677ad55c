"""JSON views of domain objects for the CLI (`comments --json`, `score`)."""

from typing import Any

from moderator_app.domain import Comment, ToxicityResult


def toxicity_json(result: ToxicityResult | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "score": round(result.score, 4),
        "level": result.level.value,
        "spans": [
            {"start": s.start, "end": s.end, "label": s.label, "weight": round(s.weight, 4)}
            for s in result.spans
        ],
        "labels": list(result.labels),
        "scorer": result.scorer,
    }


def comment_json(comment: Comment) -> dict[str, Any]:
    remote = comment.remote
    return {
        "id": comment.id,
        "account_id": comment.account_id,
        "remote_id": remote.remote_id,
        "thread": {"id": remote.thread.remote_id, "title": remote.thread.title},
        "parent_remote_id": remote.parent_remote_id,
        "author": {"id": remote.author.remote_id, "name": remote.author.name},
        "text": remote.text,
        "created_at": remote.created_at.isoformat(),
        "permalink": remote.permalink,
        "platform_state": remote.platform_state.value,
        "hidden": remote.platform_state.value == "hidden",
        "local_state": comment.local_state.value,
        "by_us": remote.by_us,
        "pending_actions": comment.pending_actions,
        "failed_actions": comment.failed_actions,
        "toxicity": toxicity_json(comment.toxicity),
    }
