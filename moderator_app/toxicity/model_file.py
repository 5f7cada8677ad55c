"""The trained model on disk: one `.npz` of plain numeric arrays and a JSON header, no pickle.

Nothing in the file is executable: it is read with `np.load(allow_pickle=False)`, the header is
UTF-8 JSON kept as a byte array, and the weights are float16. The header carries a format name
and version (a file of another version is refused rather than misread), the feature-hashing
parameters the weights were trained with, the heads' calibration, the thresholds chosen on
validation, and what the model was trained on.
"""

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from moderator_app.toxicity.features import FeatureSpec
from moderator_app.toxicity.signals import DENSE_NAMES

FORMAT = "moderator-toxicity-linear"
FORMAT_VERSION = 1
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
HEADS = ("ru", "en", "gate")
"""Russian toxicity, English toxicity, and P(the comment is Russian) that mixes the two."""


class ModelFileError(ValueError):
    """The file is not a model this version can read."""


@dataclass(frozen=True, slots=True)
class Calibration:
    """Platt scaling of a head's raw score: p = sigmoid(scale * z + shift)."""

    scale: float = 1.0
    shift: float = 0.0


@dataclass(frozen=True, slots=True)
class Thresholds:
    review: float
    toxic: float


@dataclass(frozen=True, slots=True, eq=False)
class LinearModel:
    """One weight row per head over [hashed buckets, dense features], plus a bias per head."""

    spec: FeatureSpec
    weights: NDArray[np.float32]
    """Shape (len(HEADS), spec.buckets + len(DENSE_NAMES))."""
    bias: NDArray[np.float32]
    calibration: dict[str, Calibration]
    thresholds: Thresholds
    info: dict[str, Any] = field(default_factory=dict)
    """Provenance and validation metrics, for people; the runtime ignores it."""

    def __post_init__(self) -> None:
        expected = (len(HEADS), self.spec.buckets + len(DENSE_NAMES))
        if self.weights.shape != expected:
            raise ModelFileError(f"weights shape {self.weights.shape}, expected {expected}")
        if self.bias.shape != (len(HEADS),):
            raise ModelFileError(f"bias shape {self.bias.shape}, expected ({len(HEADS)},)")
        if not np.all(np.isfinite(self.weights)) or not np.all(np.isfinite(self.bias)):
            raise ModelFileError("weights hold non-finite values")
        if not 0.0 < self.thresholds.review < self.thresholds.toxic < 1.0:
            raise ModelFileError(f"bad thresholds {self.thresholds}")


def _header(model: LinearModel) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "features": model.spec.to_json(),
        "dense_features": list(DENSE_NAMES),
        "heads": list(HEADS),
        "calibration": {
            head: {"scale": c.scale, "shift": c.shift} for head, c in model.calibration.items()
        },
        "thresholds": {"review": model.thresholds.review, "toxic": model.thresholds.toxic},
        "info": model.info,
    }


def save_model(model: LinearModel, path: Path) -> None:
    """Write `model` to `path`: a compressed `.npz`, byte for byte the same for the same model
    (fixed zip timestamps, unlike `np.savez_compressed`)."""
    header = json.dumps(_header(model), ensure_ascii=False, sort_keys=True).encode("utf-8")
    arrays: dict[str, NDArray[Any]] = {
        "header": np.frombuffer(header, dtype=np.uint8),
        "weights": model.weights.astype(np.float16),
        "bias": model.bias.astype(np.float32),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, array in arrays.items():
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(entry, "w", force_zip64=True) as handle:
                np.lib.format.write_array(handle, array, allow_pickle=False)


def load_model(path: Path) -> LinearModel:
    """Read a model file; ModelFileError if it is not one this version understands."""
    try:
        with np.load(path, allow_pickle=False) as arrays:
            header_bytes = arrays["header"]
            weights = arrays["weights"]
            bias = arrays["bias"]
    except (OSError, KeyError, ValueError) as exc:
        raise ModelFileError(f"{path.name}: not a readable model file ({exc})") from exc
    try:
        header = json.loads(header_bytes.astype(np.uint8).tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{path.name}: unreadable header") from exc
    if header.get("format") != FORMAT or header.get("format_version") != FORMAT_VERSION:
        raise ModelFileError(
            f"{path.name}: format {header.get('format')!r} v{header.get('format_version')}, "
            f"this app reads {FORMAT!r} v{FORMAT_VERSION}"
        )
    if header.get("heads") != list(HEADS) or header.get("dense_features") != list(DENSE_NAMES):
        raise ModelFileError(f"{path.name}: heads or dense features differ from this app's")
    if weights.dtype != np.float16 or bias.dtype != np.float32:
        raise ModelFileError(f"{path.name}: unexpected array types")
    try:
        calibration = {
            head: Calibration(float(c["scale"]), float(c["shift"]))
            for head, c in header["calibration"].items()
        }
        thresholds = Thresholds(
            float(header["thresholds"]["review"]), float(header["thresholds"]["toxic"])
        )
        spec = FeatureSpec.from_json(header["features"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(f"{path.name}: incomplete header ({exc})") from exc
    return LinearModel(
        spec=spec,
        weights=weights.astype(np.float32),
        bias=bias,
        calibration=calibration,
        thresholds=thresholds,
        info=dict(header.get("info") or {}),
    )
