"""Objects a run keeps out of the cycle collector's way.

Python's cycle collector scans every object of its oldest generation whenever it collects that
generation, which it does each time the objects that survived since have grown by a quarter. An
ingest run sets that off several times (a story's kept readings alone are hundreds of thousands
of objects), while nearly everything there is to scan either is older than the run and outlives
it (the language model, the framework, what earlier runs cached) or lives exactly as long as the
run (the readings). Frozen (``gc.freeze``), such objects are left out of the run's collections;
they are scanned as usual again once the run is over. Reference counting frees what they let go
of all along: only cycles among them wait for the end of the run.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_runs = 0
_lock = threading.Lock()


@contextmanager
def older_objects_frozen() -> Iterator[None]:
    """Leave the objects there are now out of collections until the block (the last of those
    running at once, in threads) ends."""
    global _runs
    with _lock:
        _runs += 1
        gc.freeze()
    try:
        yield
    finally:
        with _lock:
            _runs -= 1
            if not _runs:
                gc.unfreeze()


def freeze() -> None:
    """Leave out the objects made so far in the block too: they live as long as the run."""
    gc.freeze()
