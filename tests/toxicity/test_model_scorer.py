"""The trained model as a scorer: flags toxic Russian through its disguises, leaves clean text
alone, explains itself with spans of the original text, and is deterministic."""

import time

import pytest

from moderator_app.domain import ToxicityLevel, ToxicityResult
from moderator_app.toxicity import features
from moderator_app.toxicity.base import Scorer, level_for
from moderator_app.toxicity.model import SPAN_LABEL, ModelScorer


@pytest.fixture(scope="module")
def model() -> ModelScorer:
    return ModelScorer()


def flagged_text(result: ToxicityResult, text: str) -> list[str]:
    return [text[s.start : s.end] for s in result.spans]


def test_it_is_a_scorer_with_the_files_thresholds(model: ModelScorer):
    scorer: Scorer = model
    assert scorer.name == "model"
    assert model.review_threshold == model.model.thresholds.review
    result = model.score_batch(["ты тупой идиот"])[0]
    assert result.level == level_for(result.score, model.review_threshold, model.toxic_threshold)
    assert result.scorer == "model"


@pytest.mark.parametrize(
    "text",
    [
        "Спасибо за статью, очень полезно!",
        "Хороший материал, сохранил в закладки. Жду продолжения про рыбалку.",
        "Подскажите, пожалуйста, где купить такие же снасти?",
        "Отличный рецепт, попробую на выходных",
        "Thanks for the write-up, very helpful!",
        "Great stream today, see you next week",
        "Spasibo za statyu, ochen polezno",
    ],
)
def test_clean_comments_are_ok(model: ModelScorer, text: str):
    result = model.score_batch([text])[0]
    assert result.level is ToxicityLevel.OK, result


TOXIC = {
    "ты тупой идиот": [
        "ты тупoй идиoт",  # Latin o
        "ty tupoy idiot",  # transliterated
        "ты тупоооой идиоооот",  # stretched
        "ты т.у.п.о.й и.д.и.о.т",  # spelled out
        "ты туп0й ид10т",  # digits
    ],
    "иди нахуй, урод": [
        "иди нaхуй, урoд",
        "idi nahuy, urod",
        "иди нахуууй, урооод",
        "иди н а х у й, урод",
        "иди на*уй, ур0д",
    ],
    "заткнись, дебил": [
        "зaткнись, дeбил",
        "zatknis, debil",
        "заткниииись, дебииил",
        "заткнись, д-е-б-и-л",
        "3аткнись, д3бил",
    ],
}


@pytest.mark.parametrize(
    "text", [text for clean, disguised in TOXIC.items() for text in (clean, *disguised)]
)
def test_toxic_russian_is_flagged_in_every_disguise(model: ModelScorer, text: str):
    result = model.score_batch([text])[0]
    assert result.level is not ToxicityLevel.OK, result
    assert result.spans


def test_english_insults_are_flagged(model: ModelScorer):
    for text in ("you are a fucking idiot", "shut up, you stupid bitch"):
        assert model.score_batch([text])[0].level is ToxicityLevel.TOXIC


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ну ты и д.у.р.а.к, честно", "д.у.р.а.к"),
        ("Автор, ты дуpaк (с латинскими буквами)", "дуpaк"),
        ("ну ty i durak konechno", "durak"),
        ("Вот это тупоооой вопрос, идиот", "идиот"),
    ],
)
def test_spans_are_words_of_the_original_text(model: ModelScorer, text: str, word: str):
    result = model.score_batch([text])[0]
    assert word in flagged_text(result, text)
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.label == SPAN_LABEL
        assert 0.0 < span.weight <= 1.0
    starts = [s.start for s in result.spans]
    assert starts == sorted(starts)


def test_clean_text_has_no_spans(model: ModelScorer):
    assert model.score_batch(["Спасибо за статью, очень полезно!"])[0].spans == ()


def test_empty_and_wordless_text_scores_zero(model: ModelScorer):
    for result in model.score_batch(["", "   ", "!!! 2021 :-)", "https://example.com"]):
        assert result.score == 0.0
        assert result.level is ToxicityLevel.OK


def test_scores_are_deterministic_and_do_not_depend_on_the_batch(model: ModelScorer):
    texts = ["ты дурак", "Спасибо!", "idi nahuy", "you are an idiot", "Отличный пост", ""]
    together = model.score_batch(texts)
    alone = [model.score_batch([t])[0] for t in texts]
    fresh = ModelScorer(model.model).score_batch(list(reversed(texts)))[::-1]
    assert together == alone == fresh


def test_emptying_the_caches_changes_nothing(model: ModelScorer, monkeypatch: pytest.MonkeyPatch):
    texts = ["ты тупой идиот", "ty durak", "Спасибо за статью", "fuck off"]
    expected = model.score_batch(texts)
    scorer = ModelScorer(model.model)
    monkeypatch.setattr(features, "_CACHE_LIMIT", 2)
    for _ in range(3):  # every batch now starts from empty tables
        assert scorer.score_batch(texts) == expected
    assert scorer.featurizer.generation >= 2


def test_a_lone_new_letter_is_scored(model: ModelScorer):
    # a batch whose only new word is one letter long has fewer characters than n-gram lengths
    for text in ("я", "x", "д д д д"):
        result = ModelScorer(model.model).score_batch([text])[0]
        assert 0.0 <= result.score <= 1.0


@pytest.mark.parametrize(
    "text", ["1" * 100_000, "х" * 100_000, "хь" * 50_000, "b" * 100_000, "д " * 50_000]
)
def test_pathological_inputs_stay_linear(model: ModelScorer, text: str):
    started = time.perf_counter()
    result = model.score_batch([text])[0]
    assert time.perf_counter() - started < 5
    assert 0.0 <= result.score <= 1.0


def test_long_text_is_scored(model: ModelScorer):
    text = "Спасибо за статью, очень полезно! " * 300 + "ты дурак"
    result = model.score_batch([text])[0]
    assert 0.0 <= result.score <= 1.0


def test_the_garbage_collector_is_left_as_it_was(model: ModelScorer):
    import gc

    assert gc.isenabled()
    model.score_batch(["ты дурак", "thanks"])
    assert gc.isenabled()
    gc.disable()
    try:
        model.score_batch(["ты дурак"])
        assert not gc.isenabled()
    finally:
        gc.enable()
