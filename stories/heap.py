"""Objects a run keeps out of the cycle collector's way.

Python's cycle collector scans every object of its oldest generation whenever it collects that
generation, which it does each time the objects that survived since have grown by a quarter. An
ingest run sets that off several times (a story's kept readings alone are hundreds of thousands
of objects), while nearly everything there is to scan either is older than the run and outlives
it (the language model, the framework, what earlier runs cached) or lives exactly as long as the
run (the readings). Frozen (``gc.freeze``), such objects are left out of the run's collections;
they are scanned as usual again once the run is over. Reference counting frees what they let go
of all along: only cycles among them wait for the end of the run.

The youngest generation is collected every 700 new containers by default. A run makes hundreds of
thousands, most of them freed by reference counting within moments: collected less often during
a run, the generation has less left to scan.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# New containers between two collections of the youngest generation during a run.
YOUNG_DURING_RUN = 20_000

_runs = 0
_lock = threading.Lock()
_thresholds: tuple[int, ...] = ()


@contextmanager
def older_objects_frozen() -> Iterator[None]:
    """Leave the objects there are now out of collections, and collect the young ones less
    often, until the block (the last of those running at once, in threads) ends."""
    global _runs, _thresholds
    with _lock:
        if not _runs:
            _thresholds = gc.get_threshold()
            gc.set_threshold(max(_thresholds[0], YOUNG_DURING_RUN), *_thresholds[1:])
        _runs += 1
        gc.freeze()
    try:
        yield
    finally:
        with _lock:
            _runs -= 1
            if not _runs:
                # The cycles the run left (the framework's rows and querysets, a merge's
                # comparisons) are freed now, while only what the run made is scanned: frozen
                # again by the next run, they would stay through it.
                gc.collect()
                gc.unfreeze()
                gc.set_threshold(*_thresholds)


def freeze() -> None:
    """Leave out the objects made so far in the block too: they live as long as the run."""
    gc.freeze()
