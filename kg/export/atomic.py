"""Write a file so that readers see the old version or the new one, never half of one.

An export can fail midway (disk full, a serialiser error, Ctrl-C, a SIGTERM).
Writing to a temporary file in the *same directory* and ``os.replace``-ing it
over the target makes the switch one atomic rename on POSIX and Windows; on
any failure the temporary file is removed and the previous export is left
untouched.

Two more rules, for targets that are not what they seem:

* an existing target that is not a regular file — a symbolic link, a named
  pipe, a device node (``/dev/full``), a socket, a folder — is refused with
  one line, never replaced: renaming over it would silently swap a system's
  device node or the file a link points to for a new regular file;
* SIGTERM while writing removes the temporary file, as an error does (the
  default action would end the process before any cleanup ran).
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from ..errors import KgError

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"),
)


class Terminated(SystemExit):
    """SIGTERM arrived while a file was being written (exit status 143, like the default action)."""

    def __init__(self) -> None:
        super().__init__(128 + signal.SIGTERM)


def check_target(path: str | os.PathLike[str]) -> None:
    """Raise :class:`KgError` when ``path`` exists and is not a regular file (links are not followed)."""
    target = Path(path)
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise KgError(f"{target}: cannot check the output path: {exc.strerror or exc}") from None
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise KgError(f"{target}: refusing to write: it exists and is {kind}, not a regular file "
                  "(remove it or choose another output; '-' writes to standard output)")


def _new_file_mode(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0666 & ~umask
    (``mkstemp`` would otherwise leave them private, 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def _terminate_raises() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` (so cleanups run) — when it
    would otherwise kill the process outright and we are the main thread."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return

    def raise_terminated(_signum: int, _frame: FrameType | None) -> None:
        raise Terminated()

    signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file; on normal exit it replaces ``path``, on error (or SIGTERM) it vanishes.

    Raises :class:`KgError` before writing anything when ``path`` exists and is
    not a regular file.
    """
    target = Path(path)
    check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _terminate_raises():
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as fh:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, _new_file_mode(target))
            check_target(target)  # it may have been replaced by something else meanwhile
            os.replace(tmp, target)
        except BaseException:
            with suppress(OSError):
                tmp.unlink()
            raise
