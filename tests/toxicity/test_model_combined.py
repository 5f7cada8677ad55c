"""The default scorer: the model's probability with the model's and the lexicon's spans."""

import itertools
import json

import pytest

from moderator_app.domain import Span, ToxicityLevel
from moderator_app.toxicity.combined import CombinedScorer, merge_spans
from moderator_app.toxicity.default import default_scorer
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.toxicity.lexicon_data import Lexicon, LexiconRow
from moderator_app.toxicity.model import ModelScorer
from tests.cli_runner import Cli


@pytest.fixture(scope="module")
def combined() -> CombinedScorer:
    return CombinedScorer()


def test_default_scorer_is_model_plus_lexicon():
    scorer = default_scorer()
    assert isinstance(scorer, CombinedScorer)
    assert scorer.name == "model+lexicon"


def test_lexicon_labels_and_spans_are_kept(combined: CombinedScorer):
    text = "иди нахуй, тупой идиот"
    result = combined.score_batch([text])[0]
    assert result.level is ToxicityLevel.TOXIC
    assert result.scorer == "model+lexicon"
    assert "obscene" in result.labels
    by_text = {text[s.start : s.end]: s.label for s in result.spans}
    assert by_text["иди нахуй"] == "obscene"  # the lexicon knows the phrase
    assert by_text["идиот"] == "insult"
    assert set(result.labels) <= {"obscene", "insult", "threat", "identity_hate", "mild_rude"}


@pytest.mark.parametrize(
    "text",
    [
        "иди нахуй, тупой идиот",
        "ty tupoy durak, idi nahuy",
        "you are a fucking idiot, shut the fuck up",
        "д.у.р.а.к и т.у.п.о.й, бл*ть",
        "Спасибо за статью",
    ],
)
def test_spans_are_sorted_and_do_not_overlap(combined: CombinedScorer, text: str):
    spans = combined.score_batch([text])[0].spans
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)


def test_clean_text_is_ok_and_unlabelled(combined: CombinedScorer):
    result = combined.score_batch(["Отличный рецепт, спасибо!"])[0]
    assert result.level is ToxicityLevel.OK
    assert result.spans == ()
    assert result.labels == ()


def test_merge_keeps_the_lexicon_label_over_the_models():
    merged = merge_spans(
        [
            Span(10, 15, "model", 1.0),
            Span(0, 4, "model", 0.5),
            Span(12, 20, "obscene", 0.85),
            Span(30, 35, "insult", 0.7),
        ]
    )
    assert merged == (
        Span(0, 4, "model", 0.5),
        Span(10, 20, "obscene", 1.0),
        Span(30, 35, "insult", 0.7),
    )
    assert merge_spans([]) == ()
    assert merge_spans([Span(0, 3, "model", 0.2), Span(3, 5, "model", 0.3)]) == (
        Span(0, 3, "model", 0.2),
        Span(3, 5, "model", 0.3),
    )


def test_a_word_added_to_the_lexicon_counts_without_retraining():
    """The model reads the lexicon's verdict, so moderators' additions move the score at once."""
    text = "ну ты и пельмешка"
    before = CombinedScorer().score_batch([text])[0]
    rows = [LexiconRow("пельмешка", "insult", 0.9)]
    model = ModelScorer(lexicon=LexiconScorer(Lexicon(rows)))
    after = CombinedScorer(model).score_batch([text])[0]
    assert after.score > before.score + 0.3
    assert after.level is ToxicityLevel.TOXIC
    assert after.labels == ("insult",)
    assert "пельмешка" in [text[s.start : s.end] for s in after.spans]


def test_the_score_is_the_models_probability(combined: CombinedScorer):
    texts = ["иди нахуй", "Спасибо!", "ty durak", "you are an idiot"]
    model = combined.model.score_batch(texts)
    assert [r.score for r in combined.score_batch(texts)] == [r.score for r in model]
    assert combined.thresholds == combined.model.thresholds


def test_cli_score_uses_the_new_default(tmp_path):
    cli = Cli(tmp_path, tmp_path / "data")
    out = cli.run("score", input="Спасибо за статью!\nты дуpaк\nty tupoy idiot\n").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["scorer"] for r in rows] == ["model+lexicon"] * 3
    assert {"score", "level", "spans", "scorer", "labels"} <= set(rows[0])
    assert rows[0]["level"] == "ok"
    assert rows[1]["level"] != "ok"
    assert rows[1]["spans"]
    assert rows[2]["level"] != "ok"


def test_without_a_readable_model_the_lexicon_steps_in(monkeypatch: pytest.MonkeyPatch, caplog):
    from moderator_app.toxicity import model as model_module
    from moderator_app.toxicity.model_file import ModelFileError

    def broken() -> None:
        raise ModelFileError("toxicity.npz: not a readable model file")

    monkeypatch.setattr(model_module, "bundled_model", broken)
    scorer = default_scorer()
    assert isinstance(scorer, LexiconScorer)
    assert "lexicon alone" in caplog.text
