"""Row changes as runs of adjacent rows: a model tells its views of one insert or remove per
run, never one per row (a burst of new comments, a selection over thousands of rows). Pure
Python: no Qt here; the model says begin/end around each step.
"""

from collections.abc import Sequence


def runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive values, in the order given."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(rows):
        first = k
        while k + 1 < len(rows) and rows[k + 1] == rows[k] + 1:
            k += 1
        out.append((rows[first], rows[k]))
        k += 1
    return out


def removals(ids: Sequence[int], wanted: set[int]) -> list[tuple[int, int]]:
    """(first, last) rows of each run of ids not `wanted`, from the bottom up: removed in
    this order, each leaves the rows of the next where they are."""
    out: list[tuple[int, int]] = []
    row = len(ids) - 1
    while row >= 0:
        if ids[row] in wanted:
            row -= 1
            continue
        first = row
        while first > 0 and ids[first - 1] not in wanted:
            first -= 1
        out.append((first, row))
        row = first - 1
    return out


def insertions(
    ids: Sequence[int], new_ids: Sequence[int], present: set[int]
) -> list[tuple[int, list[int]]]:
    """(row, ids) of each run of new ids that turns `ids` (already in `new_ids`' order) into
    `new_ids`, top down: each row counts the runs inserted above it."""
    grown = list(ids)
    out: list[tuple[int, list[int]]] = []
    position = 0
    k = 0
    while k < len(new_ids):
        if position < len(grown) and grown[position] == new_ids[k]:
            position += 1
            k += 1
            continue
        start = k
        while k < len(new_ids) and new_ids[k] not in present:
            k += 1
        run = list(new_ids[start:k])
        out.append((position, run))
        grown[position:position] = run
        position += len(run)
    return out
