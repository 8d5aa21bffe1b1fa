"""Typed errors. Every error gimatch raises on purpose derives from GimatchError."""

from __future__ import annotations


class GimatchError(Exception):
    """Base class of all gimatch errors; the CLI turns them into a message and exit code 2."""

    exit_code = 2


class UsageError(GimatchError):
    """A call that cannot be answered as asked (empty query, unknown register, bad option)."""


class InputError(GimatchError):
    """A file or record that cannot be read. Names the file, the record or line, and the field."""

    def __init__(self, reason: str, *, path: str | None = None, where: str | None = None,
                 field: str | None = None):
        self.reason = reason
        self.path = path
        self.where = where
        self.field = field
        parts = [p for p in (path, where, f"field {field!r}" if field else None) if p]
        super().__init__(f"{': '.join(parts)}: {reason}" if parts else reason)


class StoreError(GimatchError):
    """The store cannot be opened or is not a gimatch store."""


def describe_system_error(exc: BaseException) -> str | None:
    """A one-line message for an error of the system rather than of gimatch (a file that cannot be written, a
    store that is locked, read-only or damaged, input nested too deep to read), or None for a defect."""
    import csv
    import sqlite3

    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else "input/output"
        return f"{where}: {exc.strerror or exc}"
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return "the store is locked by another gimatch (an import?); try again when it has finished"
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
        return "the store is read-only: give a store you may write with --db"
    if isinstance(exc, sqlite3.DatabaseError):
        return f"the store cannot be read ({exc}): delete it (the default store is rebuilt) or give another --db"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to read"
    if isinstance(exc, csv.Error):
        return f"not a readable CSV file ({exc})"
    if isinstance(exc, MemoryError):
        return "out of memory: the input is too large"
    return None
