"""The lexicon as data: TSV files of patterns, labels and weights, compiled once per process.

Keeping the words in `resources/toxicity/` (not in code) lets moderators' feedback become a
one-line data change, and keeps every flag explainable: a hit names the line that caused it.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from moderator_app.paths import resource_path
from moderator_app.toxicity.patterns import (
    PatternIndex,
    WordPattern,
    expand_braces,
    key_filter,
    parse_word,
)

LABELS = frozenset({"obscene", "insult", "threat", "identity_hate", "mild_rude"})
LEXICON_FILES = ("lexicon_ru.tsv", "lexicon_en.tsv")
EXCEPTIONS_FILE = "exceptions.tsv"
_HEADER = "pattern"


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One expanded pattern: its words (ids into the lexicon's word index), in order."""

    pattern: str
    words: tuple[int, ...]
    label: str
    weight: float


@dataclass(frozen=True, slots=True)
class LexiconRow:
    pattern: str
    label: str
    weight: float
    source: str = ""


class Lexicon:
    """Entries plus the indexes that find them: one over every word of every entry, one over
    the exceptions, and the entries by their first word (most are one word long)."""

    def __init__(self, rows: Iterable[LexiconRow], exceptions: Iterable[str] = ()) -> None:
        words: dict[WordPattern, int] = {}
        entries: list[LexiconEntry] = []
        seen: dict[str, str] = {}
        for row in rows:
            if row.label not in LABELS:
                raise ValueError(f"{row.source}: unknown label {row.label!r}")
            if not 0.0 <= row.weight <= 1.0:
                raise ValueError(f"{row.source}: weight {row.weight} outside 0..1")
            for pattern in dict.fromkeys(expand_braces(row.pattern)):
                if pattern in seen:
                    raise ValueError(f"{row.source}: {pattern!r} already in {seen[pattern]}")
                seen[pattern] = row.source
                ids = tuple(
                    words.setdefault(parse_word(w), len(words)) for w in pattern.split(" ") if w
                )
                entries.append(LexiconEntry(pattern, ids, row.label, row.weight))
        self.entries: tuple[LexiconEntry, ...] = tuple(entries)
        self.words = PatternIndex(list(words))
        by_first: dict[int, list[int]] = {}
        for eid, entry in enumerate(self.entries):
            by_first.setdefault(entry.words[0], []).append(eid)
        self.by_first_word: dict[int, tuple[int, ...]] = {k: tuple(v) for k, v in by_first.items()}
        # The same split for matching: one-word entries by their word, longer ones by their
        # first two words (a common first word, "иди", "чтобы", starts dozens of phrases).
        single: dict[int, list[int]] = {}
        pairs: dict[tuple[int, int], list[int]] = {}
        for eid, entry in enumerate(self.entries):
            if len(entry.words) == 1:
                single.setdefault(entry.words[0], []).append(eid)
            else:
                pairs.setdefault((entry.words[0], entry.words[1]), []).append(eid)
        self.single_word: dict[int, tuple[int, ...]] = {k: tuple(v) for k, v in single.items()}
        self.by_first_two: dict[tuple[int, int], tuple[int, ...]] = {
            k: tuple(v) for k, v in pairs.items()
        }
        self.phrase_starts = frozenset(first for first, _ in pairs)
        allowed = [parse_word(p) for e in exceptions for p in expand_braces(e)]
        self.exceptions = PatternIndex(allowed)
        self.any_key = key_filter([*self.words.patterns, *allowed])
        """Rules out, in one step, most words: those neither a word nor an exception matches."""


def parse_rows(text: str, source: str = "") -> list[LexiconRow]:
    """Rows of a lexicon TSV: blank lines, `#` comments and the header line are skipped."""
    rows: list[LexiconRow] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == _HEADER:
            continue
        where = f"{source}:{number}"
        if len(fields) != 3:
            raise ValueError(f"{where}: expected pattern, label, weight; got {line!r}")
        pattern, label, weight = fields
        rows.append(LexiconRow(pattern.strip(), label.strip(), float(weight), where))
    return rows


def parse_exceptions(text: str) -> list[str]:
    """Patterns of an exceptions file: the first column, skipping comments and the header."""
    out: list[str] = []
    for line in text.splitlines():
        first = line.split("\t")[0].strip()
        if first and not line.startswith("#") and first != _HEADER:
            out.append(first)
    return out


def load_lexicon(lexicon_files: Sequence[Path], exceptions_file: Path | None = None) -> Lexicon:
    rows: list[LexiconRow] = []
    for path in lexicon_files:
        rows.extend(parse_rows(path.read_text(encoding="utf-8"), path.name))
    exceptions = (
        parse_exceptions(exceptions_file.read_text(encoding="utf-8")) if exceptions_file else []
    )
    return Lexicon(rows, exceptions)


@cache
def default_lexicon() -> Lexicon:
    """The bundled lexicon, loaded and compiled on first use and then shared."""
    return load_lexicon(
        [resource_path("toxicity", name) for name in LEXICON_FILES],
        resource_path("toxicity", EXCEPTIONS_FILE),
    )
