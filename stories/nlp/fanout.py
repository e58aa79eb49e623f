"""One stage's per-article rules spread over the machine's cores.

Within a stage each article's rules read only that article and what the story settled before the
stage, so the articles can go to worker processes. The workers are forked once the stage's
inputs are in memory: they see the parsed Docs and the story's actors without copying them, and
send back only plain results. A worker never touches a database or a file; on a machine where
processes cannot be forked the stage runs in this process.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from typing import Any

# Below this many articles a stage costs less than starting the workers.
MIN_ARTICLES = 24

_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
# The workers find their work in a module global: one fan-out at a time in a process.
_one_at_a_time = threading.Lock()


def _one(i: int) -> Any:
    assert _work is not None  # set before the workers are forked
    run, items = _work
    return run(items[i])


def each_article(
    run: Callable[[Any], Any],
    items: Sequence[Any],
    processes: int,
    prepare: Callable[[], object] | None = None,
) -> Iterator[Any]:
    """``run`` of every item, in order; over ``processes`` forked workers when it pays.

    ``run`` must not raise (a failure is part of its result) and must not depend on state that
    it changes: a worker's changes stay in the worker. ``prepare`` makes, before workers are
    forked, what each of them would otherwise make for itself on first use and then lose.
    """
    global _work
    if (
        processes <= 1
        or len(items) < MIN_ARTICLES
        or not _can_fork()
        or not _one_at_a_time.acquire(blocking=False)
    ):
        yield from (run(item) for item in items)
        return
    _work = (run, items)
    try:
        if prepare is not None:
            with suppress(Exception):  # a saving only: without it each worker makes its own
                prepare()
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            chunk = max(1, len(items) // (processes * 8))
            yield from pool.imap(_one, range(len(items)), chunksize=chunk)
    finally:
        _work = None
        _one_at_a_time.release()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()
