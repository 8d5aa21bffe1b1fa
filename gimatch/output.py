"""Writing gimatch's output files: a regular file (or a new path) is written to a temporary file beside it and
renamed into place, so a reader never sees half a file; a FIFO, a device or ``-`` (standard output) is
written directly, never replaced; a symlink is followed. New files get the usual mode (0666 less the
umask). CSV cells that a spreadsheet would run as a formula are neutralised (OWASP's advice: a leading
apostrophe before ``=``, ``+``, ``-``, ``@``, tab or carriage return). Text printed to a terminal has its
control and bidirectional-override characters shown as escapes, so a name cannot move the cursor, recolour
the screen or reverse what follows it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import IO, Iterator

from .errors import InputError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A CSV cell a spreadsheet shows as text: strings starting like a formula get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def printable(text: str) -> str:
    """Text safe to print to a terminal: control characters (ESC, BEL, CR ...) and bidirectional overrides
    shown as \\x.. / \\u.... escapes; newlines and tabs kept."""
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf") or ch in _JOINERS
                   else (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}") for ch in text)


_JOINERS = frozenset("\u200c\u200d")     # zero-width (non-)joiners are parts of Indic and Persian words


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def open_output(path: str, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text stream for an output path; see the module docstring for what happens to what is there."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_file():
        mode = target.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a directory; give a file name for the output", path=path)
        with open(target, "w", encoding=encoding, newline="") as fh:      # a FIFO or a device: written in place
            yield fh
        return
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"the folder {str(folder)!r} does not exist; create it or give another --out", path=path)
    _remove_stale(folder, target.name)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            yield fh
        os.chmod(tmp, (target.stat().st_mode & 0o7777) if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_stale(folder: Path, name: str) -> None:
    """Temporary files an earlier run left beside ``name`` when it was killed (its process is gone)."""
    for tmp in folder.glob(f".{name}.*.tmp"):
        pid = tmp.name[len(name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_text(path: str, text: str) -> None:
    with open_output(path) as fh:
        fh.write(text)
