"""The scorer the app uses when nothing else is configured."""

from moderator_app.toxicity.base import Scorer


def default_scorer() -> Scorer:
    from moderator_app.toxicity.lexicon import LexiconScorer

    return LexiconScorer()
