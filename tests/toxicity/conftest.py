import pytest

from moderator_app.toxicity.lexicon import LexiconScorer


@pytest.fixture(scope="session")
def scorer() -> LexiconScorer:
    return LexiconScorer()
