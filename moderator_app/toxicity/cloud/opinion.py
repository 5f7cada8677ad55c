"""How a cloud scorer's second opinion joins a comment's verdict: as labels, never as score.

"openai:harassment" or "perspective:toxicity" say the service agrees the comment is toxic (and
how); "openai:ok" says it does not. The score and level stay the local model's as calibrated
for the community: a cloud service cannot see the community's norms, sees only flagged comments
(to bound cost), and may disappear (Perspective is being retired) — flags must not change
meaning when it does.
"""

from collections.abc import Sequence
from dataclasses import replace

from moderator_app.domain import ToxicityResult

OK_LABEL = "ok"


def with_opinion(result: ToxicityResult, service: str, labels: Sequence[str]) -> ToxicityResult:
    """`result` with `service`'s labels (replacing any it gave before) and its name in the
    scorer ("lexicon+calibrated+openai")."""
    prefix = f"{service}:"
    kept = tuple(label for label in result.labels if not label.startswith(prefix))
    added = tuple(prefix + label for label in labels)
    suffix = f"+{service}"
    scorer = result.scorer if suffix in result.scorer else result.scorer + suffix
    return replace(result, labels=kept + added, scorer=scorer)
