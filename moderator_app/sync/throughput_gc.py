"""Garbage collection in the engine's own processes, set for throughput.

A raid allocates fast: every page is a JSON tree, then domain objects, then rows. With the
interpreter's defaults a young collection ran every 700 new objects, several per page, and
the full collections scanned everything the process had loaded (modules, the toxicity model):
a tenth of a raid's time went to the collector, and each pause left the writer process idle
(measured with the ingest benchmark: 29.8k comments/s against 32.1k with this). These
processes draw no window, so a longer, rarer pause costs nothing a moderator sees.
"""

import gc

YOUNG_THRESHOLD = 10_000
"""New objects between young collections (the default is 700)."""


def tune_for_throughput() -> None:
    """Call once the process has loaded what it keeps (after the engine's warm-up): that is set
    aside from the collector, which then scans only what a raid allocates."""
    gc.collect()
    gc.freeze()
    _young, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)
