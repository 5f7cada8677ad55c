"""The scorer the app uses when nothing else is configured."""

import logging

from moderator_app.toxicity.base import Scorer

log = logging.getLogger(__name__)


def default_scorer() -> Scorer:
    """The trained model with the lexicon (`CombinedScorer`); the lexicon alone if the model
    file is missing or unreadable, so a broken install still flags the obvious."""
    from moderator_app.toxicity.combined import CombinedScorer
    from moderator_app.toxicity.lexicon import LexiconScorer
    from moderator_app.toxicity.model_file import ModelFileError

    try:
        return CombinedScorer()
    except (ModelFileError, OSError) as exc:
        log.warning("toxicity model unavailable, using the lexicon alone: %s", exc)
        return LexiconScorer()
