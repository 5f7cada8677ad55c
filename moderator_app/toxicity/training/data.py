"""The labeled training files, and the validation split carved from them.

Each file is `<name>_train.csv` with columns `text,toxic` (and `pair` for paradetox, linking a
toxic sentence to its neutral paraphrase). The split is by hash, so it is the same on every
machine and run: a row's side depends only on its data set and its key — the `pair` id where
there is one (a pair never straddles the split), else the text itself (so a duplicated text
never sits on both sides).
"""

import csv
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

SUFFIX = "_train.csv"
RUSSIAN = ("ru_2ch_pikabu", "ru_paradetox")
SPLIT_SALT = "validation-v1"
VALIDATION_PERMILLE = 150


@dataclass(frozen=True, slots=True)
class Row:
    dataset: str
    text: str
    toxic: int
    key: str

    @property
    def russian(self) -> bool:
        return self.dataset.startswith("ru_")


def default_data_dir() -> Path:
    """`../shared/data/toxicity` beside the repository (this file is four levels inside it)."""
    repo = Path(__file__).resolve().parents[3]
    return repo.parent / "shared" / "data" / "toxicity"


def load_dataset(path: Path) -> list[Row]:
    """Rows of one file; the data set is named after the file (`en_olid_train.csv` → en_olid)."""
    name = path.name.removesuffix(SUFFIX)
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, record in enumerate(csv.DictReader(handle), start=2):
            label = (record.get("toxic") or "").strip()
            if label not in ("0", "1"):
                raise ValueError(f"{path.name}:{number}: toxic must be 0 or 1, got {label!r}")
            text = record.get("text") or ""
            key = (record.get("pair") or "").strip() or text.strip()
            rows.append(Row(name, text, int(label), key))
    return rows


def load_all(data_dir: Path, names: Iterable[str] | None = None) -> list[Row]:
    """Rows of every `*_train.csv` in `data_dir` (or of the named data sets), in name order."""
    paths = sorted(data_dir.glob(f"*{SUFFIX}"))
    if names is not None:
        wanted = set(names)
        paths = [p for p in paths if p.name.removesuffix(SUFFIX) in wanted]
    if not paths:
        raise FileNotFoundError(f"no *{SUFFIX} files in {data_dir}")
    rows: list[Row] = []
    for path in paths:
        rows.extend(load_dataset(path))
    return rows


def is_validation(row: Row) -> bool:
    digest = zlib.crc32(f"{SPLIT_SALT}\0{row.dataset}\0{row.key}".encode())
    return digest % 1000 < VALIDATION_PERMILLE


def split(rows: Sequence[Row]) -> tuple[list[Row], list[Row]]:
    """(training rows, validation rows)."""
    train: list[Row] = []
    valid: list[Row] = []
    for row in rows:
        (valid if is_validation(row) else train).append(row)
    return train, valid
