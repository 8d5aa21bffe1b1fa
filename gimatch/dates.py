"""Dates as the library takes them: a ``datetime.date`` or an ISO 8601 string (``"2015-01-01"``)."""

from __future__ import annotations

import datetime as dt

from .errors import UsageError


def as_date(value, what: str = "date") -> dt.date | None:
    """``value`` as a date (None stays None); a datetime gives its day; anything else is a UsageError."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise UsageError(f"{what} must be a date or a YYYY-MM-DD string, not {value!r}")
