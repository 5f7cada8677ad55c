"""A quick test that rules out words no lexicon pattern can match, before the exact matcher.

Most words of a comment match nothing, and finding that out with the pattern tries costs a
key squeeze and several walks per word. One compiled regex per index answers it for most words
in a single C-level scan of the spelling as written: the keys become a trie of alternatives,
where a key letter may repeat and soft signs may sit anywhere (as `match_key` squeezes and
drops them). It only says "maybe": a word it lets through is matched exactly.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_LONGEST = 64
"""Longer spellings are left to the exact matcher, which is linear in any case."""


@dataclass
class _Node:
    children: dict[str, "_Node"] = field(default_factory=dict)
    end: bool | None = None
    """None: no key ends here; True: one does and the word may go on; False: it must end."""


def _insert(root: _Node, key: str, open_end: bool) -> None:
    node = root
    for ch in key:
        node = node.children.setdefault(ch, _Node())
    node.end = bool(node.end) or open_end


def _regex(node: _Node, ignored: str) -> str:
    """What may follow the letters (with their repeats) that lead to `node`."""
    if node.end is True:
        return ""  # a key ends here and the word may go on: anything does
    options = [r"\Z"] if node.end is False else []
    for ch, child in sorted(node.children.items()):
        letter = re.escape(ch)
        # keys have no doubled letters, so the possessive repeat never has to give back
        options.append(f"{letter}[{letter}{ignored}]*+{_regex(child, ignored)}")
    return f"(?:{'|'.join(options)})" if options else "(?!)"


class KeyFilter:
    """Says whether a spelling might match any of the keys, given as (squeezed key, must it
    start the word, may the word go on after it)."""

    def __init__(self, keys: Iterable[tuple[str, bool, bool]], ignored: str) -> None:
        start, anywhere = _Node(), _Node()
        for key, anchored, open_end in keys:
            _insert(start if anchored else anywhere, key, open_end)
        self._starts = re.compile(f"{ignored}*+{_regex(start, ignored)}")
        self._contains = re.compile(_regex(anywhere, ignored))

    def might_match(self, spelling: str) -> bool:
        """False only if no key can match `spelling` (an unmasked spelling)."""
        if len(spelling) > _LONGEST:
            return True  # a letter repeated many times could make the search quadratic
        return (
            self._starts.match(spelling) is not None or self._contains.search(spelling) is not None
        )
