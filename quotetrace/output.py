"""Where the command line writes: standard output, or ``-o FILE`` written atomically.

A report is written beside its target (``.NAME.XXXX.tmp`` in the same folder) and renamed over
it only once complete, so an interrupt, a full disk or a crash leaves the previous report as it
was, and two runs that write the same file leave one whole report (the one that finished
last), never a mix. A target that is not a regular file (``/dev/stdout``, a pipe, ``/dev/full``)
cannot be renamed over: it is written directly.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .errors import UsageError


class OutputError(OSError):
    """The output could not be written (a full disk, a closed standard output); the message
    names what and why."""


@contextlib.contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """``-o FILE`` (atomically, see the module docstring), or standard output when None."""
    if path is None:
        if sys.stdout is None:
            raise OutputError("standard output is closed")
        yield sys.stdout
        return
    target = Path(path)
    if target.exists() and not target.is_file() or target.is_symlink() and not target.resolve().is_file():
        try:
            out = open(target, "w", encoding="utf-8", newline="\n", errors="backslashreplace")
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        with _failing_as(path), out:
            yield out
        return
    yield from _atomic(target.resolve() if target.is_symlink() else target, path)


def _atomic(target: Path, shown: str) -> Iterator[TextIO]:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        with _failing_as(shown), os.fdopen(fd, "w", encoding="utf-8", newline="\n",
                                           errors="backslashreplace") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, _mode(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode(target: Path) -> int:
    """The permissions of the file being replaced, else what ``open()`` would give a new one."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def _failing_as(shown: str) -> Iterator[None]:
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
