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
__all__ = ["open", "check", "screen", "Store", "CheckResult", "DEFAULT_THRESHOLD", "GI", "Name", "ProductClass",
           "Protection", "Source", "Conflict", "GimatchError", "InputError", "StoreError", "UsageError"]

_default: Store | None = None


def open(path=None) -> Store:  # noqa: A001 - gimatch.open mirrors the built-in on purpose
    """Open (or create) a store; None is the default store ($GIMATCH_DB or the user cache)."""
    return Store(path)


def check(name: str, *, threshold: float = DEFAULT_THRESHOLD, limit: int | None = 20, db=None) -> CheckResult:
    """Check a name against the default store (or the store at ``db``)."""
    global _default
    if db is not None:
        return Store(db).check(name, threshold=threshold, limit=limit)
    if _default is None:
        _default = Store()
    return _default.check(name, threshold=threshold, limit=limit)


def screen(rows, *, db=None, **options):
    """Screen rows (dicts with id, name and optional class, filed, territory) against the default store
    (or the store at ``db``); yields one record per row. See :func:`gimatch.screening.screen`."""
    from .screening import screen as run

    global _default
    if db is not None:
        store = Store(db)
    else:
        _default = _default or Store()
        store = _default
    return run(rows, store=store, **options)
