"""The training script end to end on a tiny synthetic data set, and the pieces it is made of."""

import csv
import json
import random
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from moderator_app.toxicity.features import FeatureSpec, Featurizer
from moderator_app.toxicity.lexicon import LexiconScorer
from moderator_app.toxicity.model import ModelScorer
from moderator_app.toxicity.model_file import load_model
from moderator_app.toxicity.training import augment, data
from moderator_app.toxicity.training.train import Recipe, main, train
from moderator_app.toxicity.training.vectorize import vectorize

RU_BAD = ("дурак", "идиот", "дебил", "урод", "тупица", "придурок")
RU_GOOD = ("статью", "рецепт", "совет", "фото", "ответ", "помощь")
EN_BAD = ("idiot", "moron", "loser", "jerk", "clown", "fool")
EN_GOOD = ("post", "recipe", "advice", "photo", "answer", "help")


def write_synthetic(folder: Path, rows_per_set: int = 60) -> Path:
    """A Russian set with paraphrase pairs (like paradetox) and an English one."""
    rng = random.Random(5)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "ru_synth_train.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["text", "toxic", "pair"])
        for n in range(rows_per_set // 2):
            out.writerow([f"ты {rng.choice(RU_BAD)}, {rng.choice(RU_BAD)} номер {n}", 1, f"p{n}"])
            out.writerow([f"спасибо за {rng.choice(RU_GOOD)}, номер {n}", 0, f"p{n}"])
    with (folder / "en_synth_train.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["text", "toxic"])
        for n in range(rows_per_set // 2):
            out.writerow([f"you are an {rng.choice(EN_BAD)} #{n}", 1])
            out.writerow([f"thanks for the {rng.choice(EN_GOOD)} #{n}", 0])
    return folder


SMALL = Recipe(spec=FeatureSpec(hash_bits=14))


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_synthetic(tmp_path_factory.mktemp("data"))
    out = folder / "model.npz"
    assert main(["--data", str(folder), "--out", str(out)]) == 0
    return out


def test_the_training_script_runs_end_to_end(trained: Path):
    model = load_model(trained)
    assert model.info["final_fit"].startswith("all rows")
    assert set(model.info["data"]) == {"ru_synth_train.csv", "en_synth_train.csv"}
    scorer = ModelScorer(model)
    bad, good, en_bad, en_good = scorer.score_batch(
        ["ты дурак, идиот", "спасибо за совет", "you are an idiot", "thanks for the advice"]
    )
    assert bad.score > good.score
    assert en_bad.score > en_good.score


def test_the_report_is_printed_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = write_synthetic(tmp_path / "data", rows_per_set=40)
    assert main(["--data", str(folder), "--validate-only"]) == 0
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(report["validation"]["metrics"]) >= {"ru_synth", "en_synth"}
    assert "final_fit" not in report
    assert not (folder / "model.npz").exists()


def test_training_is_reproducible(tmp_path: Path):
    folder = write_synthetic(tmp_path / "data", rows_per_set=40)
    train(folder, tmp_path / "a.npz", SMALL)
    train(folder, tmp_path / "b.npz", SMALL)
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()


def test_runtime_scores_equal_the_training_matrix(trained: Path):
    """The runtime's cached per-word sums compute exactly what the model was trained on."""
    model = load_model(trained)
    texts = [
        "ты дурак, дурак и ещё раз дурак",
        "ty durak i idiot",
        "дуpaк с латинскими буквами",
        "you are an idiot, idiot",
        "Спасибо за статью!!! (((",
        "CAPS LOCK ИДИОТ http://x.ru",
        "",
        "д.у.р.а.к",
    ]
    expected = vectorize(texts, Featurizer(model.spec), LexiconScorer()) @ model.weights.T
    expected += model.bias
    actual = ModelScorer(model).raw_scores(texts)
    np.testing.assert_allclose(actual, expected, rtol=1e-4, atol=1e-4)


def test_the_split_keeps_pairs_together_and_is_stable():
    rows = [
        data.Row("ru_paradetox", f"text {n} {side}", side, f"pair{n}")
        for n in range(400)
        for side in (0, 1)
    ]
    train_rows, valid_rows = data.split(rows)
    valid_pairs = {r.key for r in valid_rows}
    assert not valid_pairs & {r.key for r in train_rows}
    assert 0.08 < len(valid_rows) / len(rows) < 0.22
    assert data.split(rows) == (train_rows, valid_rows)


def test_disguises_are_seeded_and_change_the_text():
    text = "Ты просто тупой дурак, честное слово"
    for disguise in (augment.transliterate, augment.lookalikes, augment.stretch, augment.separate):
        first = disguise(text, random.Random(3))
        assert first == disguise(text, random.Random(3))
    translit = augment.transliterate_fixed(text)
    assert translit == "Ty prosto tupoy durak, chestnoe slovo"
    assert not any("а" <= ch <= "я" for ch in translit.lower())
    mixed = augment.lookalikes(text, random.Random(1), share=1.0, leet=0.0)
    assert "a" in mixed
    assert "о" not in mixed
