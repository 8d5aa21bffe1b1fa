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
