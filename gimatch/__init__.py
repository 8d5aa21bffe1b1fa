"""gimatch: does this name conflict with a protected geographical indication, where, and on what ground?

>>> import gimatch
>>> result = gimatch.check("Parma ham")          # the default store, built on first use
>>> result.conflicts[0].gi
'eu:PDO-IT-0067'
"""

from __future__ import annotations

from .conflicts import DEFAULT_THRESHOLD, CheckResult
from .errors import GimatchError, InputError, StoreError, UsageError
from .model import GI, Conflict, Name, ProductClass, Protection, Source
from .store import Store

__version__ = "0.1.0"
__all__ = ["open", "check", "screen", "scan", "Store", "CheckResult", "DEFAULT_THRESHOLD", "GI", "Name", "ProductClass",
           "Protection", "Source", "Conflict", "GimatchError", "InputError", "StoreError", "UsageError"]

_default: Store | None = None


def open(path=None) -> Store:  # noqa: A001 - gimatch.open mirrors the built-in on purpose
    """Open (or create) a store; None is the default store ($GIMATCH_DB or the user cache)."""
    return Store(path)


def _store_of(db=None, store: Store | None = None) -> Store:
    global _default
    if store is not None:
        return store
    if db is not None:
        return Store(db)
    if _default is None:
        _default = Store()
    return _default


def check(name: str, *, db=None, store: Store | None = None, **options) -> CheckResult:
    """Check a name against an open ``store``, the store at ``db``, or the default store. Options are those
    of :meth:`Store.check`: threshold, limit, territory, date and filed (dates or ISO strings), product_class,
    origin."""
    return _store_of(db, store).check(name, **options)


def scan(rows, *, db=None, store: Store | None = None, **options):
    """Scan rows (dicts with id and text) for the protected names their texts mention, against an open
    ``store``, the store at ``db`` or the default store; yields one record per row (the ``scan --json``
    object with the row's id). One text: ``store.scan(text)``. See :mod:`gimatch.scanning`."""
    from .scanning import scan_rows

    return scan_rows(rows, store=_store_of(db, store), **options)


def screen(rows, *, db=None, store: Store | None = None, **options):
    """Screen rows (dicts with id, name and optional class, filed, territory) against an open ``store``, the
    store at ``db`` or the default store; yields one record per row. See :func:`gimatch.screening.screen`."""
    from .screening import screen as run

    return run(rows, store=_store_of(db, store), **options)
