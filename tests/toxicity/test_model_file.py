"""The model file: small, plain numbers only (no pickle), versioned, quick to load."""

import json
import time
from pathlib import Path

import numpy as np
import pytest

from moderator_app.toxicity.features import HASH_SCHEME, FeatureSpec
from moderator_app.toxicity.model import default_model_path
from moderator_app.toxicity.model_file import (
    FORMAT,
    FORMAT_VERSION,
    HEADS,
    Calibration,
    LinearModel,
    ModelFileError,
    Thresholds,
    load_model,
    save_model,
)
from moderator_app.toxicity.signals import DENSE_NAMES


def tiny_model(seed: int = 0) -> LinearModel:
    spec = FeatureSpec(hash_bits=8)
    rng = np.random.default_rng(seed)
    weights = rng.normal(size=(len(HEADS), spec.buckets + len(DENSE_NAMES))).astype(np.float32)
    return LinearModel(
        spec=spec,
        weights=weights,
        bias=np.array([0.1, -0.2, 0.3], dtype=np.float32),
        calibration={"ru": Calibration(1.5, -0.5), "en": Calibration(0.8, 0.1)},
        thresholds=Thresholds(0.3, 0.6),
        info={"note": "тест"},
    )


def test_bundled_model_is_small_plain_and_quick_to_load():
    path = default_model_path()
    assert path.stat().st_size <= 10 * 1024 * 1024
    with np.load(path, allow_pickle=False) as arrays:
        assert sorted(arrays.files) == ["bias", "header", "weights"]
        assert all(arrays[name].dtype.kind in "uif" for name in arrays.files)
    started = time.perf_counter()
    model = load_model(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0  # ~0.1 s here; the bound is loose so a busy machine does not flake
    assert 0.0 < model.thresholds.review <= model.thresholds.toxic < 1.0
    assert set(model.calibration) >= {"ru", "en"}


def test_bundled_header_says_format_hashing_and_provenance():
    with np.load(default_model_path(), allow_pickle=False) as arrays:
        header = json.loads(arrays["header"].tobytes().decode("utf-8"))
    assert header["format"] == FORMAT
    assert header["format_version"] == FORMAT_VERSION
    assert header["features"]["hash"] == HASH_SCHEME
    assert header["features"]["hash_bits"] >= 16
    assert header["heads"] == list(HEADS)
    info = header["info"]
    assert {"recipe", "data", "validation"} <= set(info)
    assert "ru_2ch_pikabu" in info["validation"]["metrics"]


def test_round_trip_keeps_everything(tmp_path: Path):
    model = tiny_model()
    save_model(model, tmp_path / "m.npz")
    loaded = load_model(tmp_path / "m.npz")
    assert loaded.spec == model.spec
    assert loaded.thresholds == model.thresholds
    assert loaded.calibration == model.calibration
    assert loaded.info == {"note": "тест"}
    np.testing.assert_array_equal(loaded.weights, model.weights.astype(np.float16))
    np.testing.assert_array_equal(loaded.bias, model.bias)


def test_the_same_model_is_written_byte_for_byte_the_same(tmp_path: Path):
    save_model(tiny_model(), tmp_path / "a.npz")
    time.sleep(1.1)  # zip entries carry a time; ours is fixed
    save_model(tiny_model(), tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()


def _rewrite_header(path: Path, change: dict[str, object]) -> None:
    with np.load(path, allow_pickle=False) as arrays:
        header = json.loads(arrays["header"].tobytes().decode("utf-8"))
        weights, bias = arrays["weights"], arrays["bias"]
    header.update(change)
    raw = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    np.savez(path, header=raw, weights=weights, bias=bias)


@pytest.mark.parametrize(
    "change",
    [{"format_version": FORMAT_VERSION + 1}, {"format": "something-else"}, {"heads": ["ru"]}],
)
def test_other_formats_are_refused(tmp_path: Path, change: dict[str, object]):
    path = tmp_path / "m.npz"
    save_model(tiny_model(), path)
    _rewrite_header(path, change)
    with pytest.raises(ModelFileError):
        load_model(path)


def test_pickled_arrays_are_refused_not_loaded(tmp_path: Path):
    path = tmp_path / "evil.npz"
    np.savez(path, header=np.array([{"format": FORMAT}], dtype=object), weights=np.zeros(3))
    with pytest.raises(ModelFileError):
        load_model(path)


def test_missing_or_garbage_files_are_model_file_errors(tmp_path: Path):
    with pytest.raises(ModelFileError):
        load_model(tmp_path / "absent.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelFileError):
        load_model(tmp_path / "junk.npz")


def test_wrong_shapes_and_values_are_refused():
    model = tiny_model()
    with pytest.raises(ModelFileError):
        LinearModel(model.spec, model.weights[:, :10], model.bias, {}, model.thresholds)
    bad = model.weights.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ModelFileError):
        LinearModel(model.spec, bad, model.bias, {}, model.thresholds)
    with pytest.raises(ModelFileError):
        LinearModel(model.spec, model.weights, model.bias, {}, Thresholds(0.8, 0.5))
