"""What a test's engine process builds its engine from: module-level, so it pickles."""

from moderator_app.toxicity.base import Scorer
from tests.sync.conftest import WordScorer


def word_scorer() -> Scorer:
    return WordScorer()
