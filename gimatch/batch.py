"""What screening and scanning share: ids seen so far kept on disk (a temporary SQLite table, so memory does
not grow with the input), and work spread over processes with the results in input order.

With ``workers`` > 1 the rows go in chunks to worker processes (spawned, each opening the store and loading
its persisted index once); results come back chunk by chunk in input order, so the output is the same,
byte for byte, as with one worker.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import tempfile
from itertools import islice
from typing import Callable, Iterable, Iterator

from .errors import UsageError

CHUNK = 256          # rows per task sent to a worker


class SeenIds:
    """Ids met so far, in a temporary SQLite table (removed on close)."""

    def __init__(self) -> None:
        fd, self._path = tempfile.mkstemp(prefix="gimatch-ids-", suffix=".db")
        os.close(fd)
        self._db = sqlite3.connect(self._path, check_same_thread=False)   # the pool reads rows in a thread
        self._db.execute("pragma journal_mode = off")
        self._db.execute("pragma synchronous = off")
        self._db.execute("pragma cache_size = -8000")          # 8 MB of pages at most
        self._db.execute("create table ids (id text primary key) without rowid")

    def add(self, row_id: str) -> bool:
        """Record an id; False when it was already there."""
        return self._db.execute("insert or ignore into ids values (?)", [row_id]).rowcount == 1

    def close(self) -> None:
        self._db.close()
        try:
            os.unlink(self._path)
        except OSError:
            pass

    def __enter__(self) -> "SeenIds":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Kept:
    """A list that keeps its first ``first`` items and counts the rest (skipped rows of a long run)."""

    def __init__(self, first: int = 10) -> None:
        self.items: list = []
        self.count = 0
        self._first = first

    def append(self, item) -> None:
        self.count += 1
        if len(self.items) < self._first:
            self.items.append(item)


def ordered(items: Iterable, work: Callable[[list], list], *, workers: int, setup: Callable, setup_args: tuple,
            chunk: int = CHUNK) -> Iterator:
    """``work`` over chunks of ``items`` in ``workers`` processes, each set up once with
    ``setup(*setup_args)``; the results, flattened, in input order."""
    iterator = iter(items)
    chunks = iter(lambda: list(islice(iterator, chunk)), [])
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=setup, initargs=setup_args) as pool:
        for results in pool.imap(work, chunks):
            yield from results


def run(prepared: Iterable[tuple], many: Callable, *, store, options: dict, workers: int = 1,
        skipped: list | None = None) -> Iterator[dict]:
    """``many(store, options, items) → [(where, record)]`` over chunks of prepared rows, in input order, in this
    process or in ``workers`` processes (``many`` must be a module-level function); records with ``skipped``
    are appended to ``skipped`` as (where, id, reason) when a list is given."""
    if workers < 1:
        raise UsageError(f"workers must be 1 or more, not {workers}")
    if workers == 1:
        store.index().materialize()         # a run over many rows reads the persisted index whole
        iterator = iter(prepared)
        chunks = iter(lambda: list(islice(iterator, CHUNK)), [])
        results = (result for items in chunks for result in many(store, options, items))
    else:
        results = ordered(prepared, _chunk, workers=workers, setup=_setup, setup_args=(str(store.path), options, many))
    for where, record in results:
        if "skipped" in record and skipped is not None:
            skipped.append((where, record["id"], record["skipped"]))
        yield record


_WORKER: dict = {}


def _setup(store_path: str, options: dict, many: Callable) -> None:
    """A worker process: the store opened and its persisted index loaded once."""
    from .store import Store

    _WORKER["store"] = Store(store_path, create=False)
    _WORKER["store"].index().materialize()
    _WORKER["options"], _WORKER["many"] = options, many


def _chunk(items: list) -> list[tuple[str, dict]]:
    return _WORKER["many"](_WORKER["store"], _WORKER["options"], items)
